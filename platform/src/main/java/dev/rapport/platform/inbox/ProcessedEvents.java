package dev.rapport.platform.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.rapport.platform.time.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The idempotent-consumer record: which events each consumer has applied. Marked in the same
 * transaction as the event's effect, so a redelivery after a crash or a rebalance has no
 * second effect.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager entityManager;
    private final Clock clock;

    ProcessedEvents(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * Records that {@code consumer} applies the events now, in one statement.
     *
     * @return the ids of those it had not applied yet (once each); the caller skips the others
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> firstDeliveries(String consumer, Collection<String> eventIds) {
        @SuppressWarnings("unchecked")
        List<String> inserted = entityManager.createNativeQuery("""
                insert into processed_event (consumer, event_id, processed_at)
                select ?1, id, ?3 from (select distinct unnest(cast(?2 as text[])) id) ids
                on conflict do nothing
                returning event_id""")
                .setParameter(1, consumer)
                .setParameter(2, eventIds.toArray(String[]::new))
                .setParameter(3, Timestamp.from(clock.instant()))
                .getResultList();
        return new HashSet<>(inserted);
    }

    /** When this service first applied each of the events, of those it applied. */
    @Transactional
    public Map<String, Instant> appliedAt(List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Map.of();
        }
        // The consumers first, by a skip-scan of the primary key, so that the events are found through it too.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                with recursive consumers (name) as (
                    (select consumer from processed_event order by consumer limit 1)
                    union all
                    select (select p.consumer from processed_event p where p.consumer > c.name order by p.consumer limit 1)
                    from consumers c where c.name is not null)
                select event_id, min(processed_at) from processed_event
                where consumer in (select name from consumers where name is not null) and event_id = any(cast(?1 as text[]))
                group by event_id""")
                .setParameter(1, eventIds.toArray(String[]::new))
                .getResultList();
        Map<String, Instant> applied = new HashMap<>();
        for (Object[] row : rows) {
            applied.put((String) row[0], SqlTimes.instant(row[1]));
        }
        return applied;
    }
}
