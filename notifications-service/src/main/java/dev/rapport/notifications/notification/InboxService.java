package dev.rapport.notifications.notification;

import java.time.Clock;
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

    private final Clock clock;

    InboxService(Clock clock) {
        this.clock = clock;
    }

    /** A page of notifications; dismissed ones only when asked for. */
    @Transactional
    public Page<NotificationResponse> list(UUID ownerId, PageRequest page, Notification.Status status, boolean unreadOnly,
            boolean includeDismissed) {
        StringBuilder query = new StringBuilder("ownerId = :owner");
        Parameters parameters = Parameters.with("owner", ownerId);
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        if (unreadOnly) {
            query.append(" and readAt is null");
        }
        if (!includeDismissed) {
            query.append(" and dismissedAt is null");
        }
        if (page.after() != null) {
            query.append(" and (createdAt < :time or (createdAt = :time and id < :id))");
            parameters.and("time", page.after().time()).and("id", page.after().id());
        }
        var rows = Notification.<Notification>find(query + " order by createdAt desc, id desc", parameters)
                .page(0, page.limit() + 1).list();
        return Page.of(rows, page, n -> new Cursor(n.createdAt, n.id), NotificationResponse::of);
    }

    @Transactional
    public long unreadCount(UUID ownerId) {
        return Notification.count("ownerId = :owner and readAt is null and dismissedAt is null", Parameters.with("owner", ownerId));
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
        }
        return NotificationResponse.of(notification);
    }

    private static Notification owned(UUID ownerId, UUID id) {
        return Notification.<Notification>find("id = :id and ownerId = :owner", Parameters.with("id", id).and("owner", ownerId))
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("notification", id));
    }
}
