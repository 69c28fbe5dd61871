package dev.rapport.meetings.calendar;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.rapport.meetings.meeting.MeetingStage;
import dev.rapport.platform.http.ProblemException;
import dev.rapport.platform.time.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The owner's calendar feed at a secret URL: scheduled one-to-ones and networking events, for
 * a calendar app to subscribe to. Making a new feed revokes the old URL.
 */
@ApplicationScoped
public class CalendarFeedService {

    /** A one-to-one has no end time of its own; calendars show it as an hour. */
    static final Duration ONE_TO_ONE_LENGTH = Duration.ofHours(1);
    /** How far back the feed reaches: calendars keep what they have seen. */
    static final Duration HISTORY = Duration.ofDays(90);
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final SecureRandom random = new SecureRandom();
    private final EntityManager entityManager;
    private final Clock clock;

    CalendarFeedService(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** Makes the owner's feed (replacing any earlier one) and answers its URL, shown this once. */
    @Transactional
    public CalendarFeedResponse create(UUID ownerId, URI baseUri) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        CalendarFeed feed = Optional.ofNullable(entityManager.find(CalendarFeed.class, ownerId)).orElseGet(CalendarFeed::new);
        feed.ownerId = ownerId;
        feed.tokenHash = sha256(token);
        feed.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        entityManager.merge(feed);
        return new CalendarFeedResponse(baseUri.resolve("calendar/" + token).toString(), feed.createdAt);
    }

    @Transactional
    public void revoke(UUID ownerId) {
        CalendarFeed feed = entityManager.find(CalendarFeed.class, ownerId);
        if (feed == null) {
            throw new ProblemException("not-found", "Not found", 404, "The caller has no calendar feed");
        }
        entityManager.remove(feed);
    }

    /** The feed a secret opens, as iCalendar; 404 for any other text, revoked ones included. */
    @Transactional
    public String feed(String token) {
        UUID ownerId = TOKEN.matcher(token).matches() ? ownerOf(sha256(token)) : null;
        if (ownerId == null) {
            throw new ProblemException("not-found", "Not found", 404, "No calendar feed at this address");
        }
        Instant now = clock.instant();
        List<ICalendar.Entry> entries = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> meetings = entityManager.createNativeQuery("""
                select m.id, m.scheduled_for, m.stage, c.name, m.location, m.updated_at
                from meeting m left join contact_replica c on c.contact_id = m.contact_id
                where m.owner_id = ?1 and m.status = 'SCHEDULED' and m.scheduled_for >= ?2
                order by m.scheduled_for, m.id""")
                .setParameter(1, ownerId).setParameter(2, Timestamp.from(now.minus(HISTORY))).getResultList();
        for (Object[] row : meetings) {
            String stage = switch (MeetingStage.valueOf((String) row[2])) {
                case DISCOVERY -> "Discovery one-to-one";
                case REFERRAL_FIT -> "Referral-fit one-to-one";
                case CHECK_IN -> "Check-in";
            };
            entries.add(new ICalendar.Entry((UUID) row[0], SqlTimes.instant(row[1]), ONE_TO_ONE_LENGTH,
                    stage + " with " + row[3], (String) row[4], SqlTimes.instant(row[5])));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> events = entityManager.createNativeQuery("""
                select id, starts_at, ends_at, name, place, updated_at from networking_event
                where owner_id = ?1 and ends_at >= ?2 order by starts_at, id""")
                .setParameter(1, ownerId).setParameter(2, Timestamp.from(now.minus(HISTORY))).getResultList();
        for (Object[] row : events) {
            Instant start = SqlTimes.instant(row[1]);
            entries.add(new ICalendar.Entry((UUID) row[0], start, Duration.between(start, SqlTimes.instant(row[2])),
                    (String) row[3], (String) row[4], SqlTimes.instant(row[5])));
        }
        return ICalendar.write("Rapport: one-to-ones and events", entries);
    }

    private UUID ownerOf(byte[] tokenHash) {
        List<?> owners = entityManager.createNativeQuery("select owner_id from calendar_feed where token_hash = ?1")
                .setParameter(1, tokenHash).getResultList();
        return owners.isEmpty() ? null : (UUID) owners.get(0);
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
