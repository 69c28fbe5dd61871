package dev.rapport.notifications.stream;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.notifications.events.NotificationsPublished;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;

/**
 * The stream's log ({@code notification_stream}): every notification event published, numbered
 * per owner in the order the transactions commit, and kept for {@code rapport.stream.retention}
 * so that a client can resume with {@code Last-Event-ID}. Connected clients are fed from it by
 * {@link StreamHub}, on whichever instance they are connected to.
 */
@ApplicationScoped
public class StreamLog {

    private final EntityManager entityManager;
    private final ObjectMapper mapper;
    private final StreamConfig config;
    private final Clock clock;

    StreamLog(EntityManager entityManager, ObjectMapper mapper, StreamConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.mapper = mapper;
        this.config = config;
        this.clock = clock;
    }

    /** An event of the log, as a client receives it: its position is the SSE id. */
    public record Entry(UUID ownerId, long position, String type, String payload) {
    }

    /** A point in an owner's log: what a connection has been sent up to. */
    public record Cursor(UUID ownerId, long position) {
    }

    /**
     * How far an owner's log goes: the last position given (0 before the first event) and the
     * first position still kept (last + 1 when none is).
     */
    public record Extent(long first, long last) {

        /** Whether a client that has seen up to {@code position} can be sent everything after it. */
        public boolean canResumeAfter(long position) {
            return position <= last && position >= first - 1;
        }
    }

    /**
     * Writes the events to the log, inside the transaction that publishes them, at each owner's
     * next positions. The owners' counter rows stay locked until the commit: another transaction
     * publishing for one of them waits for it, then takes the next numbers, so positions become
     * visible in order and a client that has seen n never misses an n - 1 committed later.
     * (Publishing already takes the owners' turns in the outbox, in one order; this lock makes
     * the order the log's own.)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void onPublished(@Observes NotificationsPublished published) {
        Map<UUID, Integer> counts = new TreeMap<>();
        published.events().forEach(event -> counts.merge(event.ownerId(), 1, Integer::sum));
        @SuppressWarnings("unchecked")
        List<Object[]> lasts = entityManager.createNativeQuery("""
                insert into notification_stream_owner as o (owner_id, last_position)
                select owner_id, n from unnest(cast(?1 as uuid[]), cast(?2 as bigint[])) as c(owner_id, n) order by owner_id
                on conflict (owner_id) do update set last_position = o.last_position + excluded.last_position
                returning owner_id, last_position""")
                // Nothing pending in the session concerns these tables: no flush (as the outbox).
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter(1, counts.keySet().toArray(UUID[]::new))
                .setParameter(2, counts.values().stream().map(Integer::longValue).toArray(Long[]::new))
                .getResultList();
        Map<UUID, Long> next = new HashMap<>();
        lasts.forEach(row -> next.put((UUID) row[0], ((Number) row[1]).longValue() - counts.get((UUID) row[0]) + 1));
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into notification_stream (owner_id, position, event_id, event_type, payload, created_at)
                    values (?, ?, ?, ?, ?, ?)""")) {
                for (NotificationsPublished.Published event : published.events()) {
                    insert.setObject(1, event.ownerId());
                    insert.setLong(2, next.merge(event.ownerId(), 1L, Long::sum) - 1);
                    insert.setObject(3, event.eventId());
                    insert.setString(4, event.event().type());
                    insert.setString(5, payload(event));
                    insert.setTimestamp(6, Timestamp.from(event.time()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** What a client receives as an event's data: the body a webhook gets, {@code {"type", "timestamp", "data"}}. */
    private String payload(NotificationsPublished.Published published) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", published.event().type());
        body.put("timestamp", published.time().toString());
        body.put("data", published.event());
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize the stream message of " + published.event().type(), e);
        }
    }

    @Transactional
    public Extent extentOf(UUID ownerId) {
        List<?> rows = entityManager.createNativeQuery("""
                select o.last_position, (select min(s.position) from notification_stream s where s.owner_id = o.owner_id)
                from notification_stream_owner o where o.owner_id = ?1""")
                .setParameter(1, ownerId).getResultList();
        if (rows.isEmpty()) {
            return new Extent(1, 0);
        }
        Object[] row = (Object[]) rows.get(0);
        long last = ((Number) row[0]).longValue();
        return new Extent(row[1] == null ? last + 1 : ((Number) row[1]).longValue(), last);
    }

    /** For each cursor, up to {@code limit} events after it, in order. */
    @Transactional
    @SuppressWarnings("unchecked")
    public Map<Cursor, List<Entry>> after(Collection<Cursor> cursors, int limit) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                select c.owner_id, c.position, s.position, s.event_type, s.payload
                from unnest(cast(?1 as uuid[]), cast(?2 as bigint[])) as c(owner_id, position)
                cross join lateral (select position, event_type, payload from notification_stream
                    where owner_id = c.owner_id and position > c.position order by position limit ?3) s
                order by c.owner_id, c.position, s.position""")
                .setParameter(1, cursors.stream().map(Cursor::ownerId).toArray(UUID[]::new))
                .setParameter(2, cursors.stream().map(Cursor::position).toArray(Long[]::new))
                .setParameter(3, limit)
                .getResultList();
        Map<Cursor, List<Entry>> entries = new LinkedHashMap<>();
        for (Object[] row : rows) {
            UUID ownerId = (UUID) row[0];
            entries.computeIfAbsent(new Cursor(ownerId, ((Number) row[1]).longValue()), cursor -> new ArrayList<>())
                    .add(new Entry(ownerId, ((Number) row[2]).longValue(), (String) row[3], (String) row[4]));
        }
        return entries;
    }

    /** Forgets the owner's events that mention {@code text} (an erased person's id). What clients received is theirs. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetMentioning(UUID ownerId, String text) {
        entityManager.createNativeQuery("delete from notification_stream where owner_id = ?1 and strpos(payload, ?2) > 0")
                .setParameter(1, ownerId).setParameter(2, text)
                .executeUpdate();
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledForget() {
        int forgotten = forgetExpired();
        if (forgotten > 0) {
            Log.infof("Live stream: forgot %d event(s) older than %s", forgotten, config.retention());
        }
    }

    /**
     * Deletes the events older than the retention. A client resuming from before the first one
     * kept is told to reload the inbox (see {@link Extent#canResumeAfter}).
     *
     * @return how many were deleted
     */
    @Transactional
    public int forgetExpired() {
        return entityManager.createNativeQuery("delete from notification_stream where created_at < ?1")
                .setParameter(1, Timestamp.from(clock.instant().minus(config.retention())))
                .executeUpdate();
    }
}
