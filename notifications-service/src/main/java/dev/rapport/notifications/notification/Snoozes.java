package dev.rapport.notifications.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.rapport.notifications.batch.Batches;
import dev.rapport.platform.outbox.Outbox;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Brings snoozed notifications back when their time comes: unread, in the inbox again, and
 * published once as {@code rapport.notification.returned.v1}. Claimed with SKIP LOCKED, so two
 * instances never bring one back twice.
 */
@ApplicationScoped
public class Snoozes {

    private static final int BATCH = 200;

    private final EntityManager entityManager;
    private final Notifications notifications;
    private final Outbox outbox;
    private final Clock clock;

    Snoozes(EntityManager entityManager, Notifications notifications, Outbox outbox, Clock clock) {
        this.entityManager = entityManager;
        this.notifications = notifications;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Scheduled(every = "${rapport.rules.sweep-interval}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledWake() {
        int woken = wakeDue();
        if (woken > 0) {
            Log.debugf("%d snoozed notification(s) came back", woken);
        }
    }

    /** @return how many notifications came back */
    public int wakeDue() {
        return Batches.runUntilDone(BATCH, () -> QuarkusTransaction.requiringNew().call(this::wakeBatch));
    }

    @SuppressWarnings("unchecked")
    private Batches.Outcome wakeBatch() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<UUID> due = entityManager.createNativeQuery("""
                select id from notification where snoozed_until <= ?1
                order by snoozed_until limit %d for update skip locked""".formatted(BATCH), UUID.class)
                .setParameter(1, Timestamp.from(now)).getResultList();
        List<Notification> back = due.stream().map(id -> entityManager.find(Notification.class, id)).toList();
        // Owners whose turn in the outbox is taken (an event being applied) come back in a later batch, rather than wait holding these rows.
        Set<UUID> owners = outbox.tryLockOwners(back.stream().map(n -> n.ownerId).collect(Collectors.toSet()));
        back = back.stream().filter(n -> owners.contains(n.ownerId)).toList();
        for (Notification notification : back) {
            notification.snoozedUntil = null;
            notification.readAt = null;
            notification.dismissedAt = null;
        }
        notifications.returned(back, now);
        return new Batches.Outcome(due.size(), back.size(), due.size() - back.size());
    }
}
