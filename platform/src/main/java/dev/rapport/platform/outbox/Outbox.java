package dev.rapport.platform.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.platform.transaction.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;

/**
 * Records domain events in the same transaction as the change they describe. The relay
 * publishes them once the transaction has committed: a rollback publishes nothing, and a crash
 * or a Kafka outage after the commit loses nothing.
 */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_UP_REGISTERED = new Object();
    /** Key space of the per-owner advisory locks (the two-integer form, apart from the relay's lock). */
    private static final int OWNER_ORDER_LOCKS = 0x52415050;

    private final EntityManager entityManager;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final AfterCommit afterCommit;
    private final OutboxRelay relay;

    Outbox(EntityManager entityManager, ObjectMapper mapper, Clock clock,
            AfterCommit afterCommit, OutboxRelay relay) {
        this.entityManager = entityManager;
        this.mapper = mapper;
        this.clock = clock;
        this.afterCommit = afterCommit;
        this.relay = relay;
    }

    /** Adds an event of {@code ownerId}'s to the outbox; must run inside the change's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(UUID ownerId, DomainEvent event) {
        return publishAll(ownerId, List.of(event)).get(0);
    }

    /**
     * Adds events of {@code ownerId}'s to the outbox, in order; must run inside the change's
     * transaction. The session's pending changes are flushed once first, as a native statement
     * would flush them anyway: the outbox's own statements then skip that flush, which would
     * check every entity the session holds once per event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> publishAll(UUID ownerId, List<? extends DomainEvent> events) {
        entityManager.flush();
        // One owner's publishing transactions take turns, so the outbox order of their events
        // is their commit order and the relay can never publish them the other way round.
        entityManager.createNativeQuery("select pg_advisory_xact_lock(?1, hashtext(?2))")
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter(1, OWNER_ORDER_LOCKS).setParameter(2, ownerId.toString())
                .getSingleResult();
        List<UUID> ids = new ArrayList<>(events.size());
        for (DomainEvent event : events) {
            UUID id = UUID.randomUUID();
            String payload;
            try {
                payload = mapper.writeValueAsString(event);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot serialize " + event.getClass().getSimpleName(), e);
            }
            entityManager.createNativeQuery("""
                    insert into outbox_event (id, owner_id, subject, type, occurred_at, payload)
                    values (?1, ?2, ?3, ?4, ?5, cast(?6 as json))""")
                    .setFlushMode(FlushModeType.COMMIT)
                    .setParameter(1, id)
                    .setParameter(2, ownerId)
                    .setParameter(3, event.subject().toString())
                    .setParameter(4, event.type())
                    .setParameter(5, java.sql.Timestamp.from(clock.instant()))
                    .setParameter(6, payload)
                    .executeUpdate();
            ids.add(id);
        }
        afterCommit.once(WAKE_UP_REGISTERED, relay::wakeUp);
        return ids;
    }
}
