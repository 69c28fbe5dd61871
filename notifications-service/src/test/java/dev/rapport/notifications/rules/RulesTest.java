package dev.rapport.notifications.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.rapport.notifications.notification.Notification;
import dev.rapport.notifications.notification.Threshold;
import dev.rapport.platform.testing.KafkaTopics;
import dev.rapport.platform.testing.TopicReader;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RulesTest extends RuleTestFixture {

    private static final String STALLED = RuleName.RELATIONSHIP_STALLED.id();
    private static final String UNRETURNED = RuleName.REFERRAL_UNRETURNED.id();

    @Test
    void unreturnedReferralsRaiseOneNotificationOnceTheOldestIsOldEnough() {
        UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant());
        feed.referral(owner, "given", sam, clock.instant());
        feed.referral(owner, "given", sam, clock.instant());
        await().atMost(ARRIVAL).until(() -> givenCount(sam) == 2 && contactKnown(sam));

        clock.advance(Duration.ofDays(59));
        rules.sweep();
        assertThat(notifications(UNRETURNED)).isEmpty();

        clock.advance(Duration.ofDays(2));
        rules.sweep();
        rules.sweep();
        assertThat(notifications(UNRETURNED)).singleElement().satisfies(n -> {
            assertThat(n.rule).isEqualTo(UNRETURNED);
            assertThat(n.subjectId).isEqualTo(sam);
            assertThat(n.status).isEqualTo(Notification.Status.OPEN);
            assertThat(n.message).contains("Sam Carter", "2 referrals", "61 days");
        });
    }

    @Test
    void oneGivenReferralIsNotEnoughByDefault() {
        UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant());
        feed.referral(owner, "given", sam, clock.instant());
        await().atMost(ARRIVAL).until(() -> givenCount(sam) == 1);
        clock.advance(Duration.ofDays(61));
        rules.sweep();
        assertThat(notifications(UNRETURNED)).isEmpty();
    }

    @Test
    void aReferralReceivedBackResolvesTheNotificationAndStartsTheCountAgain() {
        UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant());
        feed.referral(owner, "given", sam, clock.instant());
        feed.referral(owner, "given", sam, clock.instant());
        await().atMost(ARRIVAL).until(() -> givenCount(sam) == 2 && contactKnown(sam));
        clock.advance(Duration.ofDays(61));
        rules.sweep();
        assertThat(notifications(UNRETURNED)).hasSize(1);

        feed.referral(owner, "received", sam, clock.instant());
        await().atMost(ARRIVAL).untilAsserted(() -> assertThat(notifications(UNRETURNED))
                .singleElement().extracting(n -> n.status).isEqualTo(Notification.Status.RESOLVED));

        clock.advance(Duration.ofDays(61));
        rules.sweep();
        assertThat(notifications(UNRETURNED)).filteredOn(n -> n.status == Notification.Status.OPEN).isEmpty();
    }

    @Test
    void unreturnedIsDecidedByDatesNotByArrivalOrder() {
        UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant());
        Instant start = clock.instant();
        // A referral received back a day later, but reported after the two given before it...
        feed.referral(owner, "given", sam, start);
        feed.referral(owner, "given", sam, start.plus(Duration.ofHours(1)));
        feed.referral(owner, "received", sam, start.plus(Duration.ofDays(1)));
        // ...and a given one backdated to before it: none of the three is unreturned.
        feed.referral(owner, "given", sam, start.plus(Duration.ofHours(2)));
        await().atMost(ARRIVAL).until(() -> givenCount(sam) == 3 && contactKnown(sam));
        clock.advance(Duration.ofDays(90));
        rules.sweep();
        assertThat(notifications(UNRETURNED)).isEmpty();

        // Two given after it are.
        feed.referral(owner, "given", sam, clock.instant());
        feed.referral(owner, "given", sam, clock.instant());
        await().atMost(ARRIVAL).until(() -> givenCount(sam) == 5);
        clock.advance(Duration.ofDays(61));
        rules.sweep();
        assertThat(notifications(UNRETURNED)).hasSize(1);
    }

    @Test
    void aDeletedPartnerIsNeverOwedReferrals() {
        UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant());
        feed.referral(owner, "given", sam, clock.instant());
        feed.referral(owner, "given", sam, clock.instant());
        await().atMost(ARRIVAL).until(() -> givenCount(sam) == 2 && contactKnown(sam));
        feed.contactDeleted(owner, sam, clock.instant());
        await().atMost(ARRIVAL).until(() -> contactDeleted(sam));
        QuarkusTransaction.requiringNew().run(() -> rules.reviewOwner(owner));
        clock.advance(Duration.ofDays(61));
        rules.sweep();
        assertThat(notifications(UNRETURNED)).isEmpty();
    }

    @Test
    void aBackdatedInteractionThatLeavesTheContactOverdueKeepsTheStallOpen() {
        UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant());
        await().atMost(ARRIVAL).until(() -> contactKnown(sam));
        clock.advance(Duration.ofDays(45));
        rules.sweep();
        assertThat(notifications(STALLED)).hasSize(1);

        feed.touchpoint(owner, sam, clock.instant().minus(Duration.ofDays(40)));
        await().atMost(ARRIVAL).until(() -> lastInteraction(sam) != null);
        rules.sweep();
        assertThat(notifications(STALLED)).singleElement()
                .extracting(n -> n.status).isEqualTo(Notification.Status.OPEN);
    }

    @Test
    void aRelationshipStallsAfterItsCadenceAndAnInteractionResolvesItAndRestartsTheClock() {
        UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant());
        await().atMost(ARRIVAL).until(() -> contactKnown(sam));

        clock.advance(Duration.ofDays(29));
        rules.sweep();
        assertThat(notifications(STALLED)).isEmpty();
        clock.advance(Duration.ofDays(2));
        rules.sweep();
        rules.sweep();
        assertThat(notifications(STALLED)).singleElement().satisfies(n -> {
            assertThat(n.rule).isEqualTo(STALLED);
            assertThat(n.subjectId).isEqualTo(sam);
            assertThat(n.message).contains("Sam Carter", "31 days");
        });

        Instant touched = clock.instant();
        feed.touchpoint(owner, sam, touched);
        await().atMost(ARRIVAL).untilAsserted(() -> assertThat(notifications(STALLED))
                .singleElement().extracting(n -> n.status).isEqualTo(Notification.Status.RESOLVED));

        clock.advance(Duration.ofDays(29));
        rules.sweep();
        assertThat(notifications(STALLED)).filteredOn(n -> n.status == Notification.Status.OPEN).isEmpty();
        clock.advance(Duration.ofDays(2));
        rules.sweep();
        assertThat(notifications(STALLED)).filteredOn(n -> n.status == Notification.Status.OPEN).hasSize(1);
    }

    @Test
    void aContactsOwnCadenceOverridesTheOwnersDefaultAndFollowsItsChanges() {
        UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant(), "P7D");
        UUID lee = feed.contactCreated(owner, "Lee Park", clock.instant(), "P60D");
        await().atMost(ARRIVAL).until(() -> contactKnown(sam) && contactKnown(lee));

        clock.advance(Duration.ofDays(6));
        rules.sweep();
        assertThat(notifications(STALLED)).isEmpty();
        clock.advance(Duration.ofDays(2));
        rules.sweep();
        assertThat(notifications(STALLED)).singleElement().satisfies(n -> {
            assertThat(n.subjectId).isEqualTo(sam);
            assertThat(n.message).contains("8 days");
        });

        // Sam's own cadence of 7 days is overdue at 1.5 times it (10.5 days); the overdue
        // notification supersedes the due one.
        clock.advance(Duration.ofDays(2));
        rules.sweep();
        assertThat(open(STALLED)).extracting(n -> n.threshold).containsExactly(Threshold.DUE);
        clock.advance(Duration.ofDays(1));
        rules.sweep();
        assertThat(notifications(STALLED)).extracting(n -> n.subjectId, n -> n.threshold, n -> n.status).containsExactly(
                tuple(sam, Threshold.DUE, Notification.Status.RESOLVED), tuple(sam, Threshold.OVERDUE, Notification.Status.OPEN));

        // Past the stage's due threshold (30 days for a prospect) Lee is not stalled: Lee's own cadence is 60 days.
        clock.advance(Duration.ofDays(27));
        rules.sweep();
        assertThat(open(STALLED)).extracting(n -> n.subjectId).containsExactly(sam);

        // Dropping Lee's own cadence falls back to the stage's at once: 38 days is due (not yet overdue: 60 days).
        feed.contactUpdated(owner, lee, "Lee Park", null, clock.instant());
        await().atMost(ARRIVAL).untilAsserted(() -> assertThat(open(STALLED))
                .extracting(n -> n.subjectId, n -> n.threshold).containsExactlyInAnyOrder(tuple(sam, Threshold.OVERDUE), tuple(lee, Threshold.DUE)));

        // A longer cadence for Sam makes the open notification moot.
        feed.contactUpdated(owner, sam, "Sam Carter", "P90D", clock.instant());
        await().atMost(ARRIVAL).untilAsserted(() -> assertThat(notifications(STALLED))
                .filteredOn(n -> n.subjectId.equals(sam)).extracting(n -> n.status)
                .containsOnly(Notification.Status.RESOLVED));
    }

    @Test
    void aPartnerIsDueAfterThirtyDaysThenOverdueAfterFortyFiveAndTheOverdueSupersedesTheDue() {
        UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant());
        feed.stageChanged(owner, sam, "QUALIFYING", "PARTNER", clock.instant());
        await().atMost(ARRIVAL).until(() -> contactKnown(sam) && "PARTNER".equals(stageOf(sam)));

        clock.advance(Duration.ofDays(29));
        rules.sweep();
        assertThat(notifications(STALLED)).isEmpty();
        clock.advance(Duration.ofDays(2));
        rules.sweep();
        assertThat(notifications(STALLED)).singleElement().satisfies(n -> {
            assertThat(n.threshold).isEqualTo(Threshold.DUE);
            assertThat(n.message).contains("Sam Carter", "31 days", "referral partner", "every 30 days");
            assertThat(n.link).isEqualTo("/contacts/" + sam);
        });

        clock.advance(Duration.ofDays(13));
        rules.sweep();
        assertThat(open(STALLED)).extracting(n -> n.threshold).containsExactly(Threshold.DUE);
        clock.advance(Duration.ofDays(2));
        rules.sweep();
        rules.sweep();
        assertThat(notifications(STALLED)).extracting(n -> n.threshold, n -> n.status).containsExactly(
                tuple(Threshold.DUE, Notification.Status.RESOLVED), tuple(Threshold.OVERDUE, Notification.Status.OPEN));
        assertThat(open(STALLED)).singleElement().satisfies(n -> {
            assertThat(n.title).contains("Overdue");
            assertThat(n.message).contains("Sam Carter", "46 days", "overdue");
        });

        // Any interaction resolves the overdue one too, and the clock restarts.
        feed.touchpoint(owner, sam, clock.instant());
        await().atMost(ARRIVAL).until(() -> open(STALLED).isEmpty());
        clock.advance(Duration.ofDays(29));
        rules.sweep();
        assertThat(open(STALLED)).isEmpty();
    }

    @Test
    void eachStageHasItsOwnThresholds() {
        UUID kim = feed.contactCreated(owner, "Kim Qualifying", clock.instant(), null, "QUALIFYING");
        UUID ana = feed.contactCreated(owner, "Ana Exploring", clock.instant(), null, "EXPLORING");
        UUID lee = feed.contactCreated(owner, "Lee Invited", clock.instant(), null, "INVITED");
        await().atMost(ARRIVAL).until(() -> contactKnown(kim) && contactKnown(ana) && contactKnown(lee));

        clock.advance(Duration.ofDays(8));
        rules.sweep();
        assertThat(open(STALLED)).extracting(n -> n.subjectId, n -> n.threshold).containsExactly(tuple(lee, Threshold.DUE));
        clock.advance(Duration.ofDays(7));
        rules.sweep();
        assertThat(open(STALLED)).extracting(n -> n.subjectId, n -> n.threshold).containsExactlyInAnyOrder(
                tuple(lee, Threshold.OVERDUE), tuple(kim, Threshold.DUE), tuple(ana, Threshold.DUE));
        clock.advance(Duration.ofDays(7));
        rules.sweep();
        assertThat(open(STALLED)).extracting(n -> n.subjectId, n -> n.threshold).containsExactlyInAnyOrder(
                tuple(lee, Threshold.OVERDUE), tuple(kim, Threshold.OVERDUE), tuple(ana, Threshold.DUE));
        clock.advance(Duration.ofDays(9));
        rules.sweep();
        assertThat(open(STALLED)).extracting(n -> n.subjectId, n -> n.threshold).containsExactlyInAnyOrder(
                tuple(lee, Threshold.OVERDUE), tuple(kim, Threshold.OVERDUE), tuple(ana, Threshold.OVERDUE));
    }

    @Test
    void aDeclinedOrClosedRelationshipRaisesNothingAndResolvesWhatWasOpen() {
        UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant());
        UUID lee = feed.contactCreated(owner, "Lee Closed", clock.instant(), "P7D", "CLOSED");
        await().atMost(ARRIVAL).until(() -> contactKnown(sam) && contactKnown(lee));
        clock.advance(Duration.ofDays(31));
        rules.sweep();
        assertThat(open(STALLED)).extracting(n -> n.subjectId).containsExactly(sam);

        feed.stageChanged(owner, sam, "INVITED", "DECLINED", clock.instant());
        await().atMost(ARRIVAL).until(() -> open(STALLED).isEmpty());
        clock.advance(Duration.ofDays(365));
        rules.sweep();
        assertThat(open(STALLED)).isEmpty();
    }

    @Test
    void aReferralGivenOrReceivedResetsTheStall() {
        UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant());
        await().atMost(ARRIVAL).until(() -> contactKnown(sam));
        clock.advance(Duration.ofDays(31));
        rules.sweep();
        assertThat(open(STALLED)).hasSize(1);

        feed.referral(owner, "given", sam, clock.instant());
        await().atMost(ARRIVAL).until(() -> open(STALLED).isEmpty());
        clock.advance(Duration.ofDays(29));
        rules.sweep();
        assertThat(open(STALLED)).isEmpty();
        clock.advance(Duration.ofDays(2));
        rules.sweep();
        assertThat(open(STALLED)).hasSize(1);

        feed.referral(owner, "received", sam, clock.instant());
        await().atMost(ARRIVAL).until(() -> open(STALLED).isEmpty());
        assertThat(notifications(STALLED)).hasSize(2).allMatch(n -> n.status == Notification.Status.RESOLVED);
    }

    @Test
    void twoSweepsAtOnceReviewEachDueSubjectOnce() throws Exception {
        int contacts = 500;
        seedContactsDueNow(owner, contacts);

        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Callable<Integer> sweep = () -> {
                start.await();
                Arc.container().requestContext().activate();
                try {
                    return rules.sweep();
                } finally {
                    Arc.container().requestContext().terminate();
                }
            };
            Future<Integer> first = instances.submit(sweep);
            Future<Integer> second = instances.submit(sweep);
            start.countDown();
            first.get(2, TimeUnit.MINUTES);
            second.get(2, TimeUnit.MINUTES);
        } finally {
            instances.shutdownNow();
        }

        List<Notification> raised = notifications(STALLED);
        List<Notification> aboutContacts = raised.stream().filter(n -> n.memberCount == null).toList();
        assertThat(aboutContacts).hasSize(contacts);
        assertThat(aboutContacts.stream().map(n -> n.subjectId).distinct()).hasSize(contacts);
        assertThat(raised.stream().filter(n -> n.memberCount != null).mapToInt(n -> n.memberCount).sum()
                + aboutContacts.stream().filter(n -> n.groupId == null).count()).as("each one told once, alone or in a summary").isEqualTo(contacts);
        assertThat(createdEvents(owner)).as("each published once: the summaries and those not grouped")
                .isEqualTo(raised.stream().filter(n -> n.groupId == null).count());

        clearOwner(owner);
    }

    /** Contacts added 40 days ago and due for review now, straight into the projection. */
    @SuppressWarnings("unchecked")
    private List<UUID> seedContactsDueNow(UUID ownerId, int count) {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> ids = entityManager.createNativeQuery("""
                    insert into contact_activity (contact_id, owner_id, name, added_at)
                    select gen_random_uuid(), ?1, 'Contact ' || n, ?2 from generate_series(1, ?3) n returning contact_id""", UUID.class)
                    .setParameter(1, ownerId).setParameter(2, Timestamp.from(now.minus(Duration.ofDays(40)))).setParameter(3, count)
                    .getResultList();
            entityManager.createNativeQuery("""
                    insert into rule_subject (owner_id, rule, subject_id, due_at)
                    select ?1, ?2, unnest(cast(?3 as uuid[])), ?4""")
                    .setParameter(1, ownerId).setParameter(2, STALLED).setParameter(3, ids.toArray(UUID[]::new))
                    .setParameter(4, Timestamp.from(now.minusSeconds(1)))
                    .executeUpdate();
            return ids;
        });
    }

    private long createdEvents(UUID ownerId) {
        return count("select count(*) from outbox_event where owner_id = ?1 and type = 'rapport.notification.created.v1'", ownerId);
    }

    /** So that later runs' sweeps do not review these contacts again at their overdue threshold. */
    private void clearOwner(UUID ownerId) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String table : List.of("notification", "rule_subject", "contact_activity")) {
                entityManager.createNativeQuery("delete from " + table + " where owner_id = ?1").setParameter(1, ownerId).executeUpdate();
            }
        });
    }

    @Test
    void aFloodOfNewNotificationsIsToldOnceAsASummaryThatResolvesWithItsLastMember() {
        int flood = 30; // over the flood limit, 25
        List<UUID> contacts = seedContactsDueNow(owner, flood);
        rules.sweep();

        List<Notification> raised = notifications(STALLED);
        Notification summary = raised.stream().filter(n -> n.memberCount != null).findFirst().orElseThrow();
        assertThat(summary.memberCount).isEqualTo(flood);
        assertThat(summary.subjectId).isEqualTo(summary.id);
        assertThat(summary.title).isEqualTo("30 relationships need you");
        assertThat(summary.link).isEqualTo("/notifications?groupId=" + summary.id);
        assertThat(raised).filteredOn(n -> n.memberCount == null).hasSize(flood)
                .allMatch(n -> summary.id.equals(n.groupId) && n.status == Notification.Status.OPEN);
        assertThat(createdEvents(owner)).as("one event, the summary's").isEqualTo(1);

        for (UUID contact : contacts.subList(0, flood - 1)) {
            feed.touchpoint(owner, contact, clock.instant());
        }
        await().atMost(ARRIVAL).until(() -> open(STALLED).size() == 2);
        assertThat(open(STALLED)).as("the summary stays open while one of its members does").extracting(n -> n.id).contains(summary.id);
        feed.touchpoint(owner, contacts.get(flood - 1), clock.instant());
        await().atMost(ARRIVAL).until(() -> open(STALLED).isEmpty());
        assertThat(count("select count(*) from outbox_event where owner_id = ?1 and type = 'rapport.notification.resolved.v1'", owner))
                .as("members' resolutions are not told, the summary's is").isEqualTo(1);

        seedContactsDueNow(owner, 3);
        rules.sweep();
        assertThat(open(STALLED)).as("a few at once are told one by one").hasSize(3).allMatch(n -> n.groupId == null && n.memberCount == null);
        clearOwner(owner);
    }

    @Test
    void aMeetingHeldAlsoCountsAsAnInteraction() {
        UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant());
        clock.advance(Duration.ofDays(20));
        feed.meetingHeld(owner, sam, clock.instant());
        await().atMost(ARRIVAL).until(() -> lastInteraction(sam) != null);
        clock.advance(Duration.ofDays(20));
        rules.sweep();
        assertThat(notifications(STALLED)).isEmpty();
    }

    @Test
    void anErasedContactLeavesNoNameNoNotificationAndNoEventAboutThem() {
        UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant());
        await().atMost(ARRIVAL).until(() -> contactKnown(sam));
        clock.advance(Duration.ofDays(31));
        rules.sweep();
        assertThat(notifications(STALLED)).singleElement().satisfies(n -> assertThat(n.message).contains("Sam Carter"));
        assertThat(rowsOfAnyOwnerMentioning("outbox_event", "payload::text", sam)).isPositive();

        feed.contactDeleted(owner, sam, clock.instant());
        feed.contactErased(owner, sam, clock.instant());
        await().atMost(ARRIVAL).until(() -> notifications(STALLED).isEmpty());
        assertThat(contactKnown(sam)).isFalse();
        assertThat(contactDeleted(sam)).isTrue();
        assertThat(rowsOfAnyOwnerMentioning("outbox_event", "payload::text", sam)).isZero();
        assertThat(rowsOfAnyOwnerMentioning("notification", "subject_id::text", sam)).isZero();
        clock.advance(Duration.ofDays(31));
        rules.sweep();
        assertThat(notifications(STALLED)).isEmpty();
    }

    @Test
    void aDeletedContactNeverStalls() {
        UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant());
        feed.contactDeleted(owner, sam, clock.instant());
        await().atMost(ARRIVAL).until(() -> contactDeleted(sam));
        clock.advance(Duration.ofDays(31));
        rules.sweep();
        assertThat(notifications(STALLED)).isEmpty();
    }

    @Test
    void theSameEventDeliveredTwiceCountsOnce() {
        UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant());
        String eventId = UUID.randomUUID().toString();
        feed.referral(eventId, owner, "given", sam, clock.instant());
        feed.referral(eventId, owner, "given", sam, clock.instant());
        feed.referral(owner, "given", sam, clock.instant());
        await().atMost(ARRIVAL).until(() -> givenCount(sam) >= 2);
        assertThat(givenCount(sam)).isEqualTo(2);
    }

    @Test
    void aMalformedEventGoesToTheDeadLetterTopicAndTheNextIsProcessed() {
        try (TopicReader deadLetters = new TopicReader(KafkaTopics.SHARED_BROKER, "test.rapport.dlq.notifications-service")) {
            String key = UUID.randomUUID().toString();
            feed.poison(key, "{\"not\": \"a cloud event\"}");
            UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant());
            feed.referral(owner, "given", sam, clock.instant());
            await().atMost(ARRIVAL).until(() -> givenCount(sam) == 1);
            await().atMost(ARRIVAL).untilAsserted(() -> assertThat(deadLetters.poll(r -> key.equals(r.key()))).hasSize(1));
        }
    }

    private int givenCount(UUID partner) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = entityManager.createNativeQuery("select given_count from partner_ledger where owner_id = ?1 and partner_id = ?2")
                    .setParameter(1, owner).setParameter(2, partner).getResultList();
            return rows.isEmpty() ? 0 : ((Number) rows.get(0)).intValue();
        });
    }

    private boolean contactDeleted(UUID contact) {
        return exists("select 1 from contact_activity where contact_id = ?1 and deleted", contact);
    }

    /** Unlike {@link #rowsMentioning}, every owner's rows: an erased contact's id must be gone from them all. */
    private long rowsOfAnyOwnerMentioning(String table, String column, UUID contact) {
        return count("select count(*) from " + table + " where strpos(" + column + ", ?1) > 0", contact.toString());
    }
}
