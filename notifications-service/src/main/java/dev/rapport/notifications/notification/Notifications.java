package dev.rapport.notifications.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import dev.rapport.notifications.events.NotificationCreated;
import dev.rapport.notifications.events.NotificationEvent;
import dev.rapport.notifications.events.NotificationPublished;
import dev.rapport.notifications.events.NotificationResolved;
import dev.rapport.notifications.events.NotificationReturned;
import dev.rapport.notifications.stream.StreamLog;
import dev.rapport.notifications.webhook.WebhookFanout;
import dev.rapport.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Raises and resolves notifications. A notification is published as an event and fanned out
 * to the owner's webhooks in the same transaction that creates it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Notifications {

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final WebhookFanout webhooks;
    private final Event<NotificationPublished> published;
    private final StreamLog stream;
    private final Clock clock;

    Notifications(EntityManager entityManager, Outbox outbox, WebhookFanout webhooks, Event<NotificationPublished> published, StreamLog stream,
            Clock clock) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.webhooks = webhooks;
        this.published = published;
        this.stream = stream;
        this.clock = clock;
    }

    /**
     * Opens a notification unless one is already open for this rule, subject and threshold; the
     * unique index decides, so concurrent sweeps and redelivered events cannot raise it twice.
     * An open one of another threshold of the same rule and subject is superseded: resolved.
     *
     * @return whether a notification was created
     */
    public boolean open(UUID ownerId, String rule, UUID subjectId, Threshold threshold, NotificationContent content) {
        resolve(ownerId, rule, subjectId, "and threshold <> ?5", threshold);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int created = entityManager.createNativeQuery("""
                insert into notification (id, owner_id, rule, subject_id, subject_name, threshold, title, message, link,
                    status, created_at, version)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'OPEN', ?10, 0)
                on conflict (owner_id, rule, subject_id, threshold) where status = 'OPEN' do nothing""")
                .setParameter(1, id).setParameter(2, ownerId).setParameter(3, rule).setParameter(4, subjectId)
                .setParameter(5, content.subjectName()).setParameter(6, threshold.name())
                .setParameter(7, content.title()).setParameter(8, content.message()).setParameter(9, content.link())
                .setParameter(10, Timestamp.from(now))
                .executeUpdate();
        if (created == 1) {
            publish(ownerId, new NotificationCreated(id, rule, subjectId, content.subjectName(), threshold, content.title(),
                    content.message(), content.link(), now), now);
        }
        return created == 1;
    }

    /** Resolves the open notifications (of any threshold) of this rule and subject, if there are some. */
    public void resolve(UUID ownerId, String rule, UUID subjectId) {
        resolve(ownerId, rule, subjectId, "", null);
    }

    @SuppressWarnings("unchecked")
    private void resolve(UUID ownerId, String rule, UUID subjectId, String andThreshold, Threshold threshold) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var update = entityManager.createNativeQuery("""
                update notification set status = 'RESOLVED', resolved_at = ?4, snoozed_until = null, version = version + 1
                where owner_id = ?1 and rule = ?2 and subject_id = ?3 and status = 'OPEN' %s
                returning id, threshold""".formatted(andThreshold))
                .setParameter(1, ownerId).setParameter(2, rule).setParameter(3, subjectId)
                .setParameter(4, Timestamp.from(now));
        if (threshold != null) {
            update.setParameter(5, threshold.name());
        }
        for (Object[] row : (List<Object[]>) update.getResultList()) {
            publish(ownerId, new NotificationResolved((UUID) row[0], rule, subjectId, Threshold.valueOf((String) row[1]), now), now);
        }
    }

    /** A snoozed notification came back (see {@link Snoozes}). */
    void returned(Notification notification, Instant now) {
        publish(notification.ownerId, new NotificationReturned(notification.id, notification.rule, notification.subjectId,
                notification.threshold, notification.title, notification.message, notification.link, now), now);
    }

    private void publish(UUID ownerId, NotificationEvent event, Instant now) {
        UUID eventId = outbox.publish(ownerId, event);
        webhooks.enqueue(ownerId, eventId.toString(), event.type(), event, now);
        published.fire(new NotificationPublished(ownerId, eventId, event, now));
    }

    /**
     * Forgets an erased person: the owner's notifications about them (which name them), the
     * events still in the outbox and the webhook deliveries that mention them.
     */
    public void forgetSubject(UUID ownerId, UUID subjectId) {
        entityManager.createNativeQuery("delete from notification where owner_id = ?1 and subject_id = ?2")
                .setParameter(1, ownerId).setParameter(2, subjectId)
                .executeUpdate();
        outbox.forgetMentioning(ownerId, subjectId.toString());
        webhooks.forgetDeliveriesMentioning(ownerId, subjectId.toString());
        stream.forgetMentioning(ownerId, subjectId.toString());
    }
}
