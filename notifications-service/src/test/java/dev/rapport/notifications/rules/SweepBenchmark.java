package dev.rapport.notifications.rules;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.rapport.notifications.MutableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Prints what a sweep costs when few of many contacts are due: the claim of the design is that
 * it grows with what is due, not with the number of contacts. Not part of the test command:
 * {@code ./mvnw -pl notifications-service verify -Dtest=SweepBenchmark -Dgroups=benchmark -Dbenchmark.groups.excluded=}.
 */
@QuarkusTest
@Tag("benchmark")
class SweepBenchmark {

    private static final int DUE = 100;

    @Inject
    Rules rules;

    @Inject
    MutableClock clock;

    @Inject
    EntityManager entityManager;

    @Test
    void sweepCostFollowsWhatIsDue() {
        System.out.printf("%n%-12s %-6s %-12s %-14s %s%n", "contacts", "due", "seed (ms)", "sweep (ms)", "plan of the due-row query");
        for (int contacts : new int[] { 10_000, 100_000, 1_000_000 }) {
            UUID owner = UUID.randomUUID();
            Instant now = clock.instant();
            long seedStart = System.nanoTime();
            // The first DUE contacts were added a cadence ago (and are due), the others just now.
            QuarkusTransaction.requiringNew().timeout(600).run(() -> {
                entityManager.createNativeQuery("""
                        insert into contact_activity (contact_id, owner_id, name, added_at)
                        select gen_random_uuid(), ?1, 'Contact ' || n,
                               case when n <= ?2 then cast(?3 as timestamptz) else cast(?4 as timestamptz) end
                        from generate_series(1, ?5) n""")
                        .setParameter(1, owner).setParameter(2, DUE)
                        .setParameter(3, Timestamp.from(now.minus(Duration.ofDays(365))))
                        .setParameter(4, Timestamp.from(now))
                        .setParameter(5, contacts)
                        .executeUpdate();
                entityManager.createNativeQuery("""
                        insert into rule_subject (owner_id, rule, subject_id, due_at)
                        select owner_id, 'relationship.stalled', contact_id,
                               case when added_at < ?2 then cast(?2 as timestamptz) else added_at + interval '30 days' end
                        from contact_activity where owner_id = ?1""")
                        .setParameter(1, owner).setParameter(2, Timestamp.from(now.minusSeconds(1)))
                        .executeUpdate();
            });
            QuarkusTransaction.requiringNew().run(() -> {
                entityManager.createNativeQuery("analyze contact_activity").executeUpdate();
                entityManager.createNativeQuery("analyze rule_subject").executeUpdate();
            });
            long seedMillis = (System.nanoTime() - seedStart) / 1_000_000;

            @SuppressWarnings("unchecked")
            List<String> plan = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                    "explain select subject_id from rule_subject where due_at <= ?1 order by due_at limit 200")
                    .setParameter(1, Timestamp.from(clock.instant())).getResultList());

            long sweepStart = System.nanoTime();
            int fired = rules.sweep();
            long sweepMillis = (System.nanoTime() - sweepStart) / 1_000_000;
            System.out.printf("%-12d %-6d %-12d %-14d %s%n", contacts, fired, seedMillis, sweepMillis,
                    plan.stream().filter(line -> line.contains("Scan")).findFirst().orElse(plan.get(0)).trim());

            QuarkusTransaction.requiringNew().timeout(600).run(() -> {
                entityManager.createNativeQuery("delete from notification where owner_id = ?1").setParameter(1, owner).executeUpdate();
                entityManager.createNativeQuery("delete from contact_activity where owner_id = ?1").setParameter(1, owner).executeUpdate();
                entityManager.createNativeQuery("delete from rule_subject where owner_id = ?1").setParameter(1, owner).executeUpdate();
            });
        }
    }
}
