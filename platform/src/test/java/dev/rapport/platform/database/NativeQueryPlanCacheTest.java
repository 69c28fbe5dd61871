package dev.rapport.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.internal.QueryInterpretationCacheStandardImpl;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

/**
 * Hibernate caches the plan of a native query by its SQL and result mapping. For a scalar result
 * class ({@code createNativeQuery(sql, UUID.class)}) the mapping of one call never equals the
 * next's, so every call adds a plan under the same hash: the cache fills with copies of one
 * query, and each lookup compares against all of them. Profiled on notifications-service, that
 * lookup was a fifth of the consumer's CPU. The code asks for no result class instead (the driver's
 * types are the ones wanted: uuid, text, timestamptz as Instant, smallint as Short), or for a
 * {@link Tuple}.
 */
@QuarkusTest
class NativeQueryPlanCacheTest {

    /** {@code createNativeQuery(}, its SQL (a text block, a string or a constant), then a scalar class. */
    private static final Pattern SCALAR_RESULT_CLASS = Pattern.compile(
            "createNativeQuery\\(\\s*(?:\"\"\"(?:[^\"]|\"(?!\"\"))*\"\"\"|\"(?:[^\"\\\\]|\\\\.)*\"|[\\w.]+)\\s*,\\s*"
                    + "(UUID|String|Instant|OffsetDateTime|Short|Integer|Long|Boolean|BigDecimal|Double|Float)\\.class");

    @Inject
    EntityManager entityManager;

    @Test
    void theShapesTheCodeUsesCacheOnePlanPerQuery() {
        assertThat(plansAddedByFiveRuns(() -> entityManager.createNativeQuery("select cast(?1 as uuid) as plan_test_a")
                .setParameter(1, UUID.randomUUID().toString()).getResultList())).isEqualTo(1);
        assertThat(plansAddedByFiveRuns(() -> entityManager.createNativeQuery("select cast(?1 as text) as plan_test_b", Tuple.class)
                .setParameter(1, "x").getResultList())).isEqualTo(1);
    }

    @Test
    void aScalarResultClassCachesAPlanPerCall() {
        // The reason for the rule below: when a Hibernate upgrade fixes it, this fails and the rule can go.
        assertThat(plansAddedByFiveRuns(() -> entityManager.createNativeQuery("select cast(?1 as uuid) as plan_test_c", UUID.class)
                .setParameter(1, UUID.randomUUID().toString()).getResultList())).isEqualTo(5);
    }

    @Test
    void withoutAResultClassTheDriversTypesComeBack() {
        List<?> row = QuarkusTransaction.requiringNew().call(() -> List.of((Object[]) entityManager.createNativeQuery(
                "select cast(?1 as uuid), cast('x' as text), now(), cast(1 as smallint)").setParameter(1, UUID.randomUUID().toString())
                .getSingleResult()));
        assertThat(row).extracting(Object::getClass).map(Class::getSimpleName).containsExactly("UUID", "String", "Instant", "Short");
    }

    @Test
    void noServiceAsksForAScalarResultClass() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> sources;
        try (Stream<Path> modules = Stream.concat(Files.list(root), Files.list(root.resolve("deploy")))) {
            sources = modules.map(module -> module.resolve("src/main/java")).filter(Files::isDirectory).toList();
        }
        assertThat(sources).as("the services' sources, from the platform module").hasSizeGreaterThanOrEqualTo(5);
        List<String> offenders = new ArrayList<>();
        for (Path source : sources) {
            try (Stream<Path> files = Files.walk(source)) {
                files.filter(file -> file.toString().endsWith(".java")).flatMap(file -> scalarResultClasses(root, file)).forEach(offenders::add);
            }
        }
        assertThat(offenders).as("native queries with a scalar result class (see this test's comment)").isEmpty();
    }

    private static Stream<String> scalarResultClasses(Path root, Path file) {
        try {
            String source = Files.readString(file);
            Matcher matcher = SCALAR_RESULT_CLASS.matcher(source);
            Stream.Builder<String> found = Stream.builder();
            while (matcher.find()) {
                found.add(root.relativize(file) + " (" + matcher.group(1) + ".class)");
            }
            return found.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int plansAddedByFiveRuns(Runnable query) {
        int before = cachedPlans();
        for (int i = 0; i < 5; i++) {
            QuarkusTransaction.requiringNew().run(query);
        }
        return cachedPlans() - before;
    }

    private int cachedPlans() {
        return ((QueryInterpretationCacheStandardImpl) entityManager.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class)
                .getQueryEngine().getInterpretationCache()).getNumberOfCachedQueryPlans();
    }
}
