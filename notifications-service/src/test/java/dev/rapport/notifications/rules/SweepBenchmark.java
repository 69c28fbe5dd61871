package dev.rapport.notifications.rules;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.rapport.notifications.MutableClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Prints what a sweep costs when 1 % of the tracked relationships are due, against twins in
 * the same run: the same due subjects among 100 times fewer tracked ones (the cost should follow
 * what is due, not what is tracked), and the same number due for one owner (a flood, told as
 * one summary). The goal: 10,000 due among 1,000,000 tracked, swept in under a second. Not part
 * of the test command:
 * {@code ./mvnw -pl platform,notifications-service test -Dtest=SweepBenchmark -Dgroups=benchmark -Dbenchmark.groups.excluded= -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@Tag("benchmark")
class SweepBenchmark {

    private static final int DUE = 10_000;

    @Inject
    Rules rules;

    @Inject
    MutableClock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    AgroalDataSource dataSource;

    record Scenario(String name, int tracked, int owners) {
    }

    @Test
    void sweepCostFollowsWhatIsDue() {
        List<Scenario> scenarios = List.of(
                new Scenario("warm-up (JIT, pools), not compared", DUE, 1_000),
                new Scenario("1,000 owners, 1 % due (the goal)", 1_000_000, 1_000),
                new Scenario("twin: all due, 100x fewer tracked", DUE, 1_000),
                new Scenario("twin: one owner (a flood)", 1_000_000, 1));
        System.out.printf("%n%-36s %-10s %-7s %-7s %-11s %-11s %-12s %s%n", "scenario", "tracked", "due", "owners", "seed (ms)", "sweep (ms)",
                "due/second", "notifications published");
        double goalMillis = 0;
        for (Scenario scenario : scenarios) {
            boolean warmUp = scenario == scenarios.get(0);
            UUID run = UUID.randomUUID();
            long seedStart = System.nanoTime();
            seed(run, scenario);
            long seedMillis = (System.nanoTime() - seedStart) / 1_000_000;

            long sweepStart = System.nanoTime();
            int reviewed = rules.sweep();
            double sweepMillis = (System.nanoTime() - sweepStart) / 1e6;
            long published = published(run);
            System.out.printf("%-36s %-10d %-7d %-7d %-11d %-11.0f %-12.0f %d%n", scenario.name(), scenario.tracked(), reviewed, scenario.owners(),
                    seedMillis, sweepMillis, reviewed / (sweepMillis / 1000), published);
            if (warmUp) {
                // nothing to compare
            } else if (goalMillis == 0) {
                goalMillis = sweepMillis;
            } else {
                System.out.printf("%36s goal / this twin: %.2f%n", "", goalMillis / sweepMillis);
            }
            awaitOutboxRelayed();
            clear(run);
            vacuum();
        }
    }

    /**
     * Owner ids share the run's prefix; each owner's first due/owners contacts were added a year
     * ago and are due, the others were just added.
     */
    private void seed(UUID run, Scenario scenario) {
        Instant now = clock.instant();
        int perOwner = scenario.tracked() / scenario.owners();
        int duePerOwner = DUE / scenario.owners();
        QuarkusTransaction.requiringNew().timeout(1800).run(() -> {
            entityManager.createNativeQuery("""
                    insert into contact_activity (contact_id, owner_id, name, added_at)
                    select gen_random_uuid(), cast(overlay(cast(?1 as text) placing lpad(to_hex(o), 8, '0') from 1 for 8) as uuid),
                           'Contact ' || n, case when n <= ?2 then cast(?3 as timestamptz) else cast(?4 as timestamptz) end
                    from generate_series(1, ?5) o, generate_series(1, ?6) n""")
                    .setParameter(1, run.toString()).setParameter(2, duePerOwner)
                    .setParameter(3, Timestamp.from(now.minus(Duration.ofDays(365))))
                    .setParameter(4, Timestamp.from(now))
                    .setParameter(5, scenario.owners()).setParameter(6, perOwner)
                    .executeUpdate();
            entityManager.createNativeQuery("""
                    insert into rule_subject (owner_id, rule, subject_id, due_at)
                    select owner_id, 'relationship.stalled', contact_id,
                           case when added_at < ?2 then cast(?2 as timestamptz) else added_at + interval '30 days' end
                    from contact_activity where substr(cast(owner_id as text), 9) = substr(?1, 9)""")
                    .setParameter(1, run.toString()).setParameter(2, Timestamp.from(now.minusSeconds(1)))
                    .executeUpdate();
        });
        vacuum();
    }

    /** So that neither the seed's nor the last scenario's rows are cleaned up (or hinted) while a sweep is timed. */
    private void vacuum() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : List.of("contact_activity", "rule_subject", "notification", "outbox_event", "notification_stream")) {
                statement.execute("vacuum analyze " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The relay publishes what a sweep raised to Kafka; the next sweep is timed once it is done, not while it competes with it. */
    private void awaitOutboxRelayed() {
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager.createNativeQuery("select count(*) from outbox_event where published_at is null")
                        .getSingleResult()).longValue()) == 0);
    }

    private long published(UUID run) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery("""
                select count(*) from outbox_event where type = 'rapport.notification.created.v1'
                and substr(cast(owner_id as text), 9) = substr(?1, 9)""")
                .setParameter(1, run.toString()).getSingleResult()).longValue());
    }

    private void clear(UUID run) {
        QuarkusTransaction.requiringNew().timeout(1800).run(() -> {
            for (String table : List.of("outbox_event", "notification", "rule_subject", "contact_activity")) {
                entityManager.createNativeQuery("delete from " + table + " where substr(cast(owner_id as text), 9) = substr(?1, 9)")
                        .setParameter(1, run.toString()).executeUpdate();
            }
        });
    }
}
