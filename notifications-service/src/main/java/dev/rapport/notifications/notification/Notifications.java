package dev.rapport.notifications.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import dev.rapport.notifications.events.NotificationCreated;
import dev.rapport.notifications.events.NotificationEvent;
import dev.rapport.notifications.events.NotificationResolved;
import dev.rapport.notifications.webhook.WebhookFanout;
import dev.rapport.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
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
    private final Clock clock;

    Notifications(EntityManager entityManager, Outbox outbox, WebhookFanout webhooks, Clock clock) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /**
     * Opens a notification unless one is already open for this rule and subject; the unique
     * index decides, so concurrent sweeps and redelivered events cannot raise it twice.
     *
     * @return whether a notification was created
     */
    public boolean open(UUID ownerId, String rule, UUID subjectId, String subjectName, String title, String message) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int created = entityManager.createNativeQuery("""
                insert into notification (id, owner_id, rule, subject_id, subject_name, title, message, status, created_at, version)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'OPEN', ?8, 0)
                on conflict (owner_id, rule, subject_id) where status = 'OPEN' do nothing""")
                .setParameter(1, id).setParameter(2, ownerId).setParameter(3, rule).setParameter(4, subjectId)
                .setParameter(5, subjectName).setParameter(6, title).setParameter(7, message)
                .setParameter(8, Timestamp.from(now))
                .executeUpdate();
        if (created == 1) {
            publish(ownerId, new NotificationCreated(id, rule, subjectId, subjectName, title, message, now), now);
        }
        return created == 1;
    }

    /** Resolves the open notification of this rule and subject, if there is one. */
    @SuppressWarnings("unchecked")
    public void resolve(UUID ownerId, String rule, UUID subjectId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<UUID> resolved = entityManager.createNativeQuery("""
                update notification set status = 'RESOLVED', resolved_at = ?4, version = version + 1
                where owner_id = ?1 and rule = ?2 and subject_id = ?3 and status = 'OPEN' returning id""", UUID.class)
                .setParameter(1, ownerId).setParameter(2, rule).setParameter(3, subjectId)
                .setParameter(4, Timestamp.from(now))
                .getResultList();
        for (UUID id : resolved) {
            publish(ownerId, new NotificationResolved(id, rule, subjectId, now), now);
        }
    }

    private void publish(UUID ownerId, NotificationEvent event, Instant now) {
        UUID eventId = outbox.publish(ownerId, event);
        webhooks.enqueue(ownerId, eventId.toString(), event.type(), event, now);
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
    }
}
