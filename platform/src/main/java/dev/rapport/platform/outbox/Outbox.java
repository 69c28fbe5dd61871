package dev.rapport.platform.outbox;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.platform.time.SqlTimes;
import dev.rapport.platform.tracing.TraceContext;
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

    /** Adds events of {@code ownerId}'s to the outbox, in order, in one JDBC batch; see {@link #publishAll(List)}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> publishAll(UUID ownerId, List<? extends DomainEvent> events) {
        return publishAll(events.stream().map(event -> new OwnedEvent(ownerId, event)).toList());
    }

    /**
     * An event, the owner it belongs to, and the trace it goes out in: {@code null} for the
     * current one (the request's or the consumed event's), as for most events.
     */
    public record OwnedEvent(UUID ownerId, DomainEvent event, TraceContext trace) {

        public OwnedEvent(UUID ownerId, DomainEvent event) {
            this(ownerId, event, null);
        }

        /** This event's trace, or {@code current} when it has none of its own. */
        public TraceContext traceOr(TraceContext current) {
            return trace == null ? current : trace;
        }
    }

    /**
     * Adds events, of one owner or many, to the outbox in order, in one JDBC batch; must run
     * inside the change's transaction. The session's pending changes are flushed first, as a
     * native statement would flush them; the outbox's own statements then skip that flush,
     * which would check every entity the session holds once per statement.
     *
     * @return the events' ids, in the same order
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> publishAll(List<OwnedEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = new ArrayList<>(events.size());
        List<String> payloads = new ArrayList<>(events.size());
        for (OwnedEvent owned : events) {
            ids.add(UUID.randomUUID());
            try {
                payloads.add(mapper.writeValueAsString(owned.event()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot serialize " + owned.event().getClass().getSimpleName(), e);
            }
        }
        entityManager.flush();
        lockOwners(events.stream().map(OwnedEvent::ownerId).distinct().toList());
        Timestamp occurredAt = Timestamp.from(clock.instant());
        // The request's or the consumed event's trace, which the relay sends on with the events.
        TraceContext current = TraceContext.current();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into outbox_event (id, owner_id, subject, type, occurred_at, payload, traceparent, tracestate)
                    values (?, ?, ?, ?, ?, cast(? as json), ?, ?)""")) {
                for (int i = 0; i < events.size(); i++) {
                    DomainEvent event = events.get(i).event();
                    TraceContext trace = events.get(i).traceOr(current);
                    insert.setObject(1, ids.get(i));
                    insert.setObject(2, events.get(i).ownerId());
                    insert.setString(3, event.subject().toString());
                    insert.setString(4, event.type());
                    insert.setTimestamp(5, occurredAt);
                    insert.setString(6, payloads.get(i));
                    insert.setString(7, trace.traceparent());
                    insert.setString(8, trace.tracestate());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        afterCommit.once(WAKE_UP_REGISTERED, relay::wakeUp);
        return ids;
    }

    /**
     * Takes the turns of those owners whose turn is free now, without waiting, for a batch job
     * that holds rows a publishing transaction may be waiting for (and so must not wait for it).
     *
     * @return the owners whose turn this transaction now has, until it ends
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> tryLockOwners(Collection<UUID> owners) {
        if (owners.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<String> locked = entityManager.createNativeQuery("""
                select o from unnest(cast(?2 as text[])) o where pg_try_advisory_xact_lock(?1, hashtext(o))""")
                .setParameter(1, OWNER_ORDER_LOCKS).setParameter(2, owners.stream().distinct().map(UUID::toString).toArray(String[]::new))
                .getResultList();
        return locked.stream().map(UUID::fromString).collect(Collectors.toSet());
    }

    /**
     * One owner's publishing transactions take turns, so the outbox order of their events is
     * their commit order and the relay can never publish them the other way round. Several
     * owners' locks are taken in one order (by their keys), so that two transactions taking
     * some of the same owners' locks cannot wait for each other.
     */
    private void lockOwners(List<UUID> owners) {
        if (owners.size() == 1) {
            entityManager.createNativeQuery("select pg_advisory_xact_lock(?1, hashtext(?2))")
                    .setFlushMode(FlushModeType.COMMIT)
                    .setParameter(1, OWNER_ORDER_LOCKS).setParameter(2, owners.get(0).toString())
                    .getSingleResult();
            return;
        }
        entityManager.createNativeQuery("""
                select count(pg_advisory_xact_lock(?1, k))
                from (select distinct hashtext(o) k from unnest(cast(?2 as text[])) o order by k) keys""")
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter(1, OWNER_ORDER_LOCKS).setParameter(2, owners.stream().map(UUID::toString).toArray(String[]::new))
                .getSingleResult();
    }

    /**
     * Deletes every event of the subject's still in the outbox, published or not: for the right
     * to be forgotten, the events that follow (deleted, erased) supersede them. Must run inside
     * the erasing transaction. What Kafka already holds ages out with the topic's retention.
     *
     * @return how many events were deleted
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forgetSubject(UUID ownerId, UUID subject) {
        return entityManager.createNativeQuery("delete from outbox_event where owner_id = ?1 and subject = ?2")
                .setParameter(1, ownerId).setParameter(2, subject.toString())
                .executeUpdate();
    }

    /**
     * Deletes every event of the owner's still in the outbox whose payload names {@code text}
     * (an erased person's id, in events about something else, such as an event they attended).
     * Same rules as {@link #forgetSubject}.
     *
     * @return how many events were deleted
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forgetMentioning(UUID ownerId, String text) {
        return entityManager.createNativeQuery("delete from outbox_event where owner_id = ?1 and strpos(payload::text, ?2) > 0")
                .setParameter(1, ownerId).setParameter(2, text)
                .executeUpdate();
    }

    /** What waits to be published, and this instance's relay. */
    @Transactional
    public OutboxStatus status() {
        Object[] backlog = (Object[]) entityManager.createNativeQuery(
                "select count(*), min(occurred_at) from outbox_event where published_at is null", Object[].class)
                .getSingleResult();
        long pending = ((Number) backlog[0]).longValue();
        Instant oldest = SqlTimes.instant(backlog[1]);
        long lagSeconds = oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toSeconds());
        return new OutboxStatus(pending, oldest, lagSeconds, relay.status());
    }
}
