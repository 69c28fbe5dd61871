package dev.rapport.notifications.digest;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;

import dev.rapport.notifications.notification.Notifications;
import dev.rapport.notifications.notification.Threshold;
import dev.rapport.platform.http.ETags;
import dev.rapport.platform.http.ProblemException;
import dev.rapport.platform.time.SqlTimes;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

/**
 * The digest: for an owner who asked for one, once a day or a week at their local time, one
 * notification (and so one event and one webhook) saying what is open in their inbox and what
 * is new since the last one. Each digest supersedes (resolves) the previous one; an inbox with
 * nothing open gets none.
 */
@ApplicationScoped
public class Digests {

    /** The rule name digests carry, in the inbox and in events. */
    public static final String RULE = "notification.digest";
    private static final int BATCH = 200;

    private final EntityManager entityManager;
    private final Notifications notifications;
    private final DigestContent content;
    private final Clock clock;

    Digests(EntityManager entityManager, Notifications notifications, DigestContent content, Clock clock) {
        this.entityManager = entityManager;
        this.notifications = notifications;
        this.content = content;
        this.clock = clock;
    }

    /** The owner's choice and its version (0 before any), for the ETag. */
    public record Versioned(DigestSettings settings, long version) {
    }

    @Transactional
    public Versioned get(UUID ownerId) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                select enabled, frequency, at_time, time_zone, weekday, version from digest_setting where owner_id = ?1""", Tuple.class)
                .setParameter(1, ownerId).getResultList();
        return rows.stream().findFirst()
                .map(row -> new Versioned(new DigestSettings(row.get("enabled", Boolean.class),
                        DigestSettings.Frequency.valueOf(row.get("frequency", String.class)), row.get("at_time", String.class),
                        row.get("time_zone", String.class), DayOfWeek.valueOf(row.get("weekday", String.class))),
                        row.get("version", Number.class).longValue()))
                .orElse(new Versioned(DigestSettings.DEFAULTS, 0));
    }

    /**
     * Saves the owner's choice (If-Match: the version it is based on) and schedules the next
     * digest; switching it off resolves the open one.
     */
    @Transactional
    public Versioned replace(UUID ownerId, String ifMatch, DigestSettings settings) {
        try {
            ZoneId.of(settings.timeZone());
        } catch (DateTimeException e) {
            throw ProblemException.invalid("timeZone", "must be an IANA time zone, such as Europe/Berlin or UTC");
        }
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtextextended('digest:' || cast(?1 as text), 0))")
                .setParameter(1, ownerId.toString()).getSingleResult();
        ETags.checkIfMatch(ifMatch, get(ownerId).version());
        Instant now = clock.instant();
        Instant next = settings.enabled() ? DigestSchedule.nextAfter(settings, now) : null;
        entityManager.createNativeQuery("""
                insert into digest_setting (owner_id, enabled, frequency, at_time, time_zone, weekday, next_at, updated_at, version)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1)
                on conflict (owner_id) do update set enabled = excluded.enabled, frequency = excluded.frequency,
                    at_time = excluded.at_time, time_zone = excluded.time_zone, weekday = excluded.weekday,
                    next_at = excluded.next_at, updated_at = excluded.updated_at, version = digest_setting.version + 1""")
                .setParameter(1, ownerId).setParameter(2, settings.enabled()).setParameter(3, settings.frequency().name())
                .setParameter(4, settings.at()).setParameter(5, settings.timeZone()).setParameter(6, settings.weekday().name())
                .setParameter(7, new TypedParameterValue<>(StandardBasicTypes.INSTANT, next)).setParameter(8, Timestamp.from(now))
                .executeUpdate();
        if (!settings.enabled()) {
            notifications.resolve(ownerId, RULE, ownerId);
        }
        return get(ownerId);
    }

    @Scheduled(every = "${rapport.rules.sweep-interval}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledSend() {
        int sent = sendDue();
        if (sent > 0) {
            Log.debugf("%d digest(s) came due", sent);
        }
    }

    /**
     * Sends every digest that has come due, in batches of rows locked with SKIP LOCKED, so that
     * several instances can send at once without sending one twice.
     *
     * @return how many owners' digests came due
     */
    public int sendDue() {
        int total = 0;
        int sent;
        do {
            sent = QuarkusTransaction.requiringNew().call(this::sendBatch);
            total += sent;
        } while (sent == BATCH);
        return total;
    }

    private int sendBatch() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        @SuppressWarnings("unchecked")
        List<Tuple> due = entityManager.createNativeQuery("""
                select owner_id, frequency, at_time, time_zone, weekday, last_at from digest_setting
                where next_at <= ?1 order by next_at limit ?2 for update skip locked""", Tuple.class)
                .setParameter(1, Timestamp.from(now)).setParameter(2, BATCH).getResultList();
        for (Tuple row : due) {
            UUID ownerId = row.get("owner_id", UUID.class);
            DigestSettings settings = new DigestSettings(true, DigestSettings.Frequency.valueOf(row.get("frequency", String.class)),
                    row.get("at_time", String.class), row.get("time_zone", String.class), DayOfWeek.valueOf(row.get("weekday", String.class)));
            Instant last = row.get("last_at") == null ? null : SqlTimes.instant(row.get("last_at"));
            notifications.resolve(ownerId, RULE, ownerId);
            content.of(ownerId, settings.frequency(), last, now)
                    .ifPresent(digest -> notifications.open(ownerId, RULE, ownerId, Threshold.DUE, digest));
            entityManager.createNativeQuery("update digest_setting set next_at = ?2, last_at = ?3 where owner_id = ?1")
                    .setParameter(1, ownerId).setParameter(2, Timestamp.from(DigestSchedule.nextAfter(settings, now)))
                    .setParameter(3, Timestamp.from(now))
                    .executeUpdate();
        }
        return due.size();
    }
}
