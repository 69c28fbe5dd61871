package dev.rapport.notifications.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.rapport.platform.http.Cursor;
import dev.rapport.platform.http.Page;
import dev.rapport.platform.http.PageRequest;
import dev.rapport.platform.http.ProblemException;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The owner's inbox: newest first, read and dismissed flags. */
@ApplicationScoped
public class InboxService {

    private static final Duration LONGEST_SNOOZE = Duration.ofDays(365);

    private final Clock clock;

    InboxService(Clock clock) {
        this.clock = clock;
    }

    /** What the inbox lists: all filters are optional (null or false: not filtered). */
    public record Filter(Notification.Status status, boolean unreadOnly, boolean includeDismissed, boolean includeSnoozed, String rule,
            UUID subjectId, UUID groupId) {
    }

    /** A page of notifications; dismissed and snoozed ones only when asked for. */
    @Transactional
    public Page<NotificationResponse> list(UUID ownerId, PageRequest page, Filter filter) {
        Where where = where(ownerId, filter);
        StringBuilder query = where.query();
        Parameters parameters = where.parameters();
        if (page.after() != null) {
            query.append(" and (createdAt < :time or (createdAt = :time and id < :id))");
            parameters.and("time", page.after().time()).and("id", page.after().id());
        }
        var rows = Notification.<Notification>find(query + " order by createdAt desc, id desc", parameters)
                .page(0, page.limit() + 1).list();
        return Page.of(rows, page, n -> new Cursor(n.createdAt, n.id), NotificationResponse::of);
    }

    @Transactional
    public long unreadCount(UUID ownerId, String rule, UUID subjectId) {
        Where where = where(ownerId, new Filter(null, true, false, false, rule, subjectId, null));
        return Notification.count(where.query().toString(), where.parameters());
    }

    private record Where(StringBuilder query, Parameters parameters) {
    }

    private Where where(UUID ownerId, Filter filter) {
        StringBuilder query = new StringBuilder("ownerId = :owner");
        Parameters parameters = Parameters.with("owner", ownerId);
        if (!filter.includeSnoozed()) {
            query.append(" and (snoozedUntil is null or snoozedUntil <= :now)");
            parameters.and("now", clock.instant());
        }
        if (filter.rule() != null) {
            query.append(" and rule = :rule");
            parameters.and("rule", filter.rule());
        }
        if (filter.subjectId() != null) {
            query.append(" and subjectId = :subject");
            parameters.and("subject", filter.subjectId());
        }
        if (filter.groupId() != null) {
            query.append(" and groupId = :group");
            parameters.and("group", filter.groupId());
        } else if (filter.subjectId() == null) {
            // The members of a flood are behind their summary, unless asked for by group or subject.
            query.append(" and groupId is null");
        }
        if (filter.status() != null) {
            query.append(" and status = :status");
            parameters.and("status", filter.status());
        }
        if (filter.unreadOnly()) {
            query.append(" and readAt is null");
        }
        if (!filter.includeDismissed()) {
            query.append(" and dismissedAt is null");
        }
        return new Where(query, parameters);
    }

    @Transactional
    public NotificationResponse get(UUID ownerId, UUID id) {
        return NotificationResponse.of(owned(ownerId, id));
    }

    @Transactional
    public NotificationResponse markRead(UUID ownerId, UUID id) {
        Notification notification = owned(ownerId, id);
        if (notification.readAt == null) {
            notification.readAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        }
        return NotificationResponse.of(notification);
    }

    @Transactional
    public NotificationResponse dismiss(UUID ownerId, UUID id) {
        Notification notification = owned(ownerId, id);
        if (notification.dismissedAt == null) {
            notification.dismissedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            if (notification.memberCount != null) {
                // Dismissing a flood's summary dismisses what it groups.
                Notification.update("dismissedAt = ?1, version = version + 1 where groupId = ?2 and dismissedAt is null",
                        notification.dismissedAt, notification.id);
            }
        }
        return NotificationResponse.of(notification);
    }

    /**
     * Puts an open notification out of sight until {@code until}, when it comes back unread
     * (once: snoozing again sets a new time). A resolved one has nothing to come back for.
     */
    @Transactional
    public NotificationResponse snooze(UUID ownerId, UUID id, Instant until) {
        Notification notification = owned(ownerId, id);
        Instant now = clock.instant();
        if (notification.status != Notification.Status.OPEN) {
            throw ProblemException.conflict("notification-resolved", "A resolved notification cannot be snoozed: what it was about was dealt with.");
        }
        if (!until.isAfter(now)) {
            throw ProblemException.invalid("until", "must be in the future");
        }
        if (until.isAfter(now.plus(LONGEST_SNOOZE))) {
            throw ProblemException.invalid("until", "must be at most a year ahead");
        }
        notification.snoozedUntil = until.truncatedTo(ChronoUnit.MICROS);
        return NotificationResponse.of(notification);
    }

    private static Notification owned(UUID ownerId, UUID id) {
        return Notification.<Notification>find("id = :id and ownerId = :owner", Parameters.with("id", id).and("owner", ownerId))
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("notification", id));
    }
}
