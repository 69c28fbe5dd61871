package dev.rapport.platform.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.rapport.platform.time.SqlTimes;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Remembers each {@code Idempotency-Key} with a hash of its request and, once answered, the
 * answer. Each step commits on its own, so a key is claimed before the request's own
 * transaction starts and a concurrent duplicate sees it.
 */
@ApplicationScoped
public class IdempotencyStore {

    /** A claim left unanswered this long (the service died mid-request) may be taken over. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);
    /** Keys are kept for replay this long. */
    static final Duration RETENTION = Duration.ofHours(24);

    private final EntityManager entityManager;
    private final Clock clock;

    IdempotencyStore(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    public sealed interface Claim {
    }

    /** The key is new (or abandoned): go ahead, then {@link #complete} or {@link #release}. */
    public record Claimed(UUID ownerId, String key) implements Claim {
    }

    /** The key was used with another request body. */
    public record Mismatch() implements Claim {
    }

    /** The first request with this key is still running. */
    public record InProgress() implements Claim {
    }

    /** The first request with this key was answered; replay its answer. */
    public record Answered(int status, String contentType, String location, String etag, String body) implements Claim {
    }

    public Claim claim(UUID ownerId, String key, String requestHash) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            int inserted = entityManager.createNativeQuery("""
                    insert into idempotency_key (owner_id, key, request_hash, created_at)
                    values (?1, ?2, ?3, ?4) on conflict do nothing""")
                    .setParameter(1, ownerId).setParameter(2, key).setParameter(3, requestHash)
                    .setParameter(4, Timestamp.from(now))
                    .executeUpdate();
            if (inserted == 1) {
                return new Claimed(ownerId, key);
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery("""
                    select request_hash, completed_at, status, content_type, location, etag, body, created_at
                    from idempotency_key where owner_id = ?1 and key = ?2 for update""")
                    .setParameter(1, ownerId).setParameter(2, key).getResultList();
            if (rows.isEmpty()) {
                // Deleted by the retention sweep between the two statements: treat as new.
                return claim(ownerId, key, requestHash);
            }
            Object[] row = rows.get(0);
            if (!requestHash.equals(row[0])) {
                return new Mismatch();
            }
            if (row[1] == null) {
                Instant createdAt = SqlTimes.instant(row[7]);
                if (createdAt.plus(ABANDONED_AFTER).isBefore(now)) {
                    entityManager.createNativeQuery("update idempotency_key set created_at = ?3 where owner_id = ?1 and key = ?2")
                            .setParameter(1, ownerId).setParameter(2, key).setParameter(3, Timestamp.from(now))
                            .executeUpdate();
                    return new Claimed(ownerId, key);
                }
                return new InProgress();
            }
            return new Answered(((Number) row[2]).intValue(), (String) row[3], (String) row[4], (String) row[5], (String) row[6]);
        });
    }

    public void complete(Claimed claim, Answered answer) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                update idempotency_key set completed_at = ?3, status = ?4, content_type = ?5, location = ?6, etag = ?7, body = ?8
                where owner_id = ?1 and key = ?2""")
                .setParameter(1, claim.ownerId()).setParameter(2, claim.key())
                .setParameter(3, Timestamp.from(clock.instant())).setParameter(4, answer.status())
                .setParameter(5, answer.contentType()).setParameter(6, answer.location())
                .setParameter(7, answer.etag()).setParameter(8, answer.body())
                .executeUpdate());
    }

    /** Forgets a claim whose request failed on the server's side, so that a retry can run. */
    public void release(Claimed claim) {
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("delete from idempotency_key where owner_id = ?1 and key = ?2 and completed_at is null")
                .setParameter(1, claim.ownerId()).setParameter(2, claim.key())
                .executeUpdate());
    }

    /**
     * Forgets the owner's stored answers that mention {@code text} (a record's id), so that no
     * replay hands out personal data after the record was erased. Runs in the caller's transaction.
     *
     * @return how many answers were forgotten
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forgetAnswersMentioning(UUID ownerId, String text) {
        return entityManager.createNativeQuery("""
                delete from idempotency_key where owner_id = ?1 and (strpos(body, ?2) > 0 or strpos(location, ?2) > 0)""")
                .setParameter(1, ownerId).setParameter(2, text)
                .executeUpdate();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetExpired() {
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("delete from idempotency_key where created_at < ?1")
                .setParameter(1, Timestamp.from(clock.instant().minus(RETENTION)))
                .executeUpdate());
    }
}
