package dev.rapport.notifications.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.rapport.notifications.events.NotificationCreated;
import dev.rapport.notifications.events.NotificationsPublished;
import dev.rapport.notifications.notification.NotificationContent;
import dev.rapport.notifications.notification.Notifications;
import dev.rapport.notifications.notification.Threshold;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The stream's log against the real database, for owners of their own (no client needed). */
@QuarkusTest
class StreamLogTest {

    @Inject
    StreamLog log;

    @Inject
    Notifications notifications;

    @Inject
    Event<NotificationsPublished> published;

    @Inject
    EntityManager entityManager;

    @Test
    void aLaterTransactionOfTheSameOwnerTakesTheNextPositionOnlyOnceTheEarlierOneCommitted() throws Exception {
        UUID owner = UUID.randomUUID();
        UUID earlier = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        CountDownLatch published = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        // Published straight to the log: the outbox would make the two take turns on its own.
        CompletableFuture<Void> earlierTransaction = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            publish(owner, earlier);
            published.countDown();
            await(commit);
        }));
        await(published);
        CompletableFuture<Void> laterTransaction = CompletableFuture.runAsync(
                () -> QuarkusTransaction.requiringNew().run(() -> publish(owner, later)));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> waitingForTheCounter() >= 1);
        assertThat(after(owner, 0)).as("nothing visible while the first is open").isEmpty();

        commit.countDown();
        earlierTransaction.get(10, TimeUnit.SECONDS);
        laterTransaction.get(10, TimeUnit.SECONDS);
        List<StreamLog.Entry> entries = after(owner, 0);
        assertThat(entries).extracting(StreamLog.Entry::position).containsExactly(1L, 2L);
        assertThat(entries.get(0).payload()).contains(earlier.toString());
        assertThat(entries.get(1).payload()).contains(later.toString());
        assertThat(log.extentOf(owner)).isEqualTo(new StreamLog.Extent(1, 2));
    }

    /** Database sessions waiting for a lock while writing a stream counter. */
    private long waitingForTheCounter() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery("""
                select count(*) from pg_stat_activity
                where wait_event_type = 'Lock' and query like '%notification_stream_owner%' and pid <> pg_backend_pid()""")
                .getSingleResult()).longValue());
    }

    @Test
    void aTransactionRolledBackLeavesNoEventAndNoGap() {
        UUID owner = UUID.randomUUID();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                raise(owner, UUID.randomUUID());
                throw new IllegalStateException("the transaction fails after publishing");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        UUID kept = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> raise(owner, kept));

        List<StreamLog.Entry> entries = after(owner, 0);
        assertThat(entries).extracting(StreamLog.Entry::position).containsExactly(1L);
        assertThat(entries.get(0).payload()).contains(kept.toString());
    }

    @Test
    void oneTransactionNumbersEachOwnersEventsInTheOrderTheyWerePublished() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        List<UUID> subjects = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        QuarkusTransaction.requiringNew().run(() -> {
            raise(first, subjects.get(0));
            raise(second, subjects.get(1));
            raise(first, subjects.get(2));
        });

        assertThat(after(first, 0)).extracting(StreamLog.Entry::position).containsExactly(1L, 2L);
        assertThat(after(first, 0).get(1).payload()).contains(subjects.get(2).toString());
        assertThat(after(second, 0)).extracting(StreamLog.Entry::position).containsExactly(1L);
    }

    @Test
    void erasingAPersonForgetsTheStreamEventsThatMentionThem() {
        UUID owner = UUID.randomUUID();
        UUID erased = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            raise(owner, erased);
            raise(owner, other);
        });
        QuarkusTransaction.requiringNew().run(() -> notifications.forgetSubject(owner, erased));
        assertThat(after(owner, 0)).singleElement().satisfies(entry -> assertThat(entry.payload()).contains(other.toString()));

        // Raised and erased in one transaction.
        UUID erasedAtOnce = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            raise(owner, erasedAtOnce);
            notifications.forgetSubject(owner, erasedAtOnce);
        });
        assertThat(after(owner, 0)).noneMatch(entry -> entry.payload().contains(erasedAtOnce.toString()));
    }

    @Test
    void anOwnersExtentSaysWhatCanBeResumed() {
        UUID owner = UUID.randomUUID();
        assertThat(log.extentOf(owner)).isEqualTo(new StreamLog.Extent(1, 0));
        assertThat(log.extentOf(owner).canResumeAfter(0)).isTrue();
        assertThat(log.extentOf(owner).canResumeAfter(1)).as("a position never given").isFalse();

        QuarkusTransaction.requiringNew().run(() -> raise(owner, UUID.randomUUID()));
        StreamLog.Extent extent = log.extentOf(owner);
        assertThat(extent).isEqualTo(new StreamLog.Extent(1, 1));
        assertThat(extent.canResumeAfter(0)).isTrue();
        assertThat(extent.canResumeAfter(1)).isTrue();
        assertThat(extent.canResumeAfter(2)).isFalse();
        // Only events past the retention are gone: the first kept is 5, so up to 4 must have been seen.
        assertThat(new StreamLog.Extent(5, 9).canResumeAfter(3)).isFalse();
        assertThat(new StreamLog.Extent(5, 9).canResumeAfter(4)).isTrue();
        assertThat(new StreamLog.Extent(10, 9).canResumeAfter(9)).as("all gone, but nothing missed").isTrue();
    }

    private void raise(UUID owner, UUID subject) {
        notifications.open(owner, "relationship.stalled", subject, Threshold.DUE,
                new NotificationContent("Sam Log", "Stalled relationship: Sam Log", "No news from Sam Log for 31 days.", "/contacts/" + subject));
    }

    private void publish(UUID owner, UUID subject) {
        Instant now = Instant.now();
        published.fire(new NotificationsPublished(List.of(new NotificationsPublished.Published(owner, UUID.randomUUID(),
                new NotificationCreated(UUID.randomUUID(), "relationship.stalled", subject, "Sam Log", Threshold.DUE,
                        "Stalled relationship: Sam Log", "No news from Sam Log for 31 days.", "/contacts/" + subject, now, null), now))));
    }

    private List<StreamLog.Entry> after(UUID owner, long position) {
        StreamLog.Cursor cursor = new StreamLog.Cursor(owner, position);
        return log.after(List.of(cursor), 100).getOrDefault(cursor, List.of());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
