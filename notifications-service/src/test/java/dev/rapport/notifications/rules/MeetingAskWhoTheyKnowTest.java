package dev.rapport.notifications.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.rapport.notifications.notification.Notification;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MeetingAskWhoTheyKnowTest extends RuleTestFixture {

    private static final String ASK = RuleName.MEETING_ASK_WHO_THEY_KNOW.id();

    @Test
    void aDiscoveryHeldWithoutAskingIsRaisedAtOnceUntilALaterOneToOneAsks() {
        UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant());
        await().atMost(ARRIVAL).until(() -> contactKnown(sam));
        UUID discovery = feed.meetingHeld(owner, UUID.randomUUID(), sam, "DISCOVERY", clock.instant(), false);
        await().atMost(ARRIVAL).until(() -> notifications(ASK).size() == 1);
        assertThat(notifications(ASK)).singleElement().satisfies(n -> {
            assertThat(n.subjectId).isEqualTo(discovery);
            assertThat(n.title).isEqualTo("Ask Sam Carter who they know");
            assertThat(n.message).isEqualTo("In your discovery one-to-one with Sam Carter you did not ask who they know. "
                    + "Ask them when you next talk: \"Who do you know who might be interested in this?\"");
            assertThat(n.link).isEqualTo("/one-to-ones/" + discovery);
        });

        // A referral-fit one-to-one without the question raises nothing of its own and settles nothing.
        clock.advance(Duration.ofDays(1));
        UUID referralFit = feed.meetingHeld(owner, UUID.randomUUID(), sam, "REFERRAL_FIT", clock.instant(), false);
        await().atMost(ARRIVAL).until(() -> "HELD".equals(meetingStatus(referralFit)));
        rules.sweep();
        assertThat(open(ASK)).extracting(n -> n.subjectId).containsExactly(discovery);

        clock.advance(Duration.ofDays(1));
        feed.meetingHeld(owner, UUID.randomUUID(), sam, "CHECK_IN", clock.instant(), true);
        await().atMost(ARRIVAL).until(() -> open(ASK).isEmpty());
    }

    @Test
    void namesGivenAndNotContactedAfterSevenDaysAreRaisedUntilEveryoneIsContacted() {
        UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant());
        UUID lee = feed.contactCreated(owner, "Lee Park", clock.instant());
        UUID kim = feed.contactCreated(owner, "Kim Lee", clock.instant());
        Instant held = clock.instant();
        UUID meeting = feed.meetingHeld(owner, UUID.randomUUID(), sam, "DISCOVERY", held, true, "Lee Park", "Kim Lee");
        feed.contactConnected(owner, sam, lee, "INTRODUCTION", held);
        feed.contactConnected(owner, sam, kim, "INTRODUCTION", held);
        await().atMost(ARRIVAL).until(() -> introductions(sam) == 2 && "HELD".equals(meetingStatus(meeting)) && contactKnown(kim));

        clock.advance(Duration.ofDays(6));
        rules.sweep();
        assertThat(notifications(ASK)).isEmpty();
        feed.touchpoint(owner, lee, clock.instant());
        await().atMost(ARRIVAL).until(() -> lastInteraction(lee) != null);
        clock.advance(Duration.ofDays(2));
        rules.sweep();
        rules.sweep();
        assertThat(notifications(ASK)).singleElement().satisfies(n -> {
            assertThat(n.subjectId).isEqualTo(meeting);
            assertThat(n.title).isEqualTo("Contact the people Sam Carter named");
            assertThat(n.message).isEqualTo("Sam Carter named 2 people in your one-to-one 8 days ago; you have not been in touch with "
                    + "Kim Lee yet. Contact them while the introduction is fresh, and tell Sam Carter how it went.");
            assertThat(n.link).isEqualTo("/one-to-ones/" + meeting);
        });

        feed.invitation(owner, "sent", UUID.randomUUID(), kim, clock.instant());
        await().atMost(ARRIVAL).until(() -> open(ASK).isEmpty());
    }

    @Test
    void aNamedPersonErasedIsForgottenAndDeletedNoLongerCounts() {
        UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant());
        UUID lee = feed.contactCreated(owner, "Lee Park", clock.instant());
        UUID kim = feed.contactCreated(owner, "Kim Lee", clock.instant());
        Instant held = clock.instant();
        UUID meeting = feed.meetingHeld(owner, UUID.randomUUID(), sam, "DISCOVERY", held, true, "Lee Park", "Kim Lee");
        feed.contactConnected(owner, sam, lee, "INTRODUCTION", held);
        feed.contactConnected(owner, sam, kim, "INTRODUCTION", held);
        await().atMost(ARRIVAL).until(() -> introductions(sam) == 2 && "HELD".equals(meetingStatus(meeting)) && contactKnown(kim));
        clock.advance(Duration.ofDays(8));
        rules.sweep();
        assertThat(open(ASK)).singleElement().satisfies(n -> assertThat(n.message).startsWith(
                "Sam Carter named Kim Lee and Lee Park in your one-to-one 8 days ago, and you have not been in touch with any of them yet."));

        feed.contactDeleted(owner, kim, clock.instant());
        feed.contactErased(owner, kim, clock.instant());
        await().atMost(ARRIVAL).until(() -> notifications(ASK).stream().noneMatch(n -> n.message.contains("Kim Lee"))
                && open(ASK).size() == 1);
        assertThat(open(ASK)).singleElement().satisfies(n -> assertThat(n.message).startsWith(
                "Sam Carter named 2 people in your one-to-one 8 days ago; you have not been in touch with Lee Park yet."));
        assertThat(rowsMentioning("outbox_event", "payload::text", "Kim Lee")).isZero();
        assertThat(rowsMentioning("notification", "message", "Kim Lee")).isZero();

        feed.contactDeleted(owner, lee, clock.instant());
        await().atMost(ARRIVAL).until(() -> open(ASK).isEmpty());
    }

    @Test
    void deletingThePersonMetResolvesIt() {
        UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant());
        await().atMost(ARRIVAL).until(() -> contactKnown(sam));
        feed.meetingHeld(owner, UUID.randomUUID(), sam, "DISCOVERY", clock.instant(), false);
        await().atMost(ARRIVAL).until(() -> open(ASK).size() == 1);
        feed.contactDeleted(owner, sam, clock.instant());
        await().atMost(ARRIVAL).until(() -> open(ASK).isEmpty());
        assertThat(notifications(ASK)).singleElement().extracting(n -> n.status).isEqualTo(Notification.Status.RESOLVED);
    }

    @Test
    void eachOwnerTunesOrSwitchesOffTheRule() {
        UUID other = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            settings.save(owner, RuleName.MEETING_ASK_WHO_THEY_KNOW,
                    mapper.createObjectNode().put("askInDiscovery", false).put("contactNamesWithin", "P2D"), clock.instant());
            settings.save(other, RuleName.MEETING_ASK_WHO_THEY_KNOW, mapper.createObjectNode().put("enabled", false), clock.instant());
        });
        UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant());
        UUID lee = feed.contactCreated(owner, "Lee Park", clock.instant());
        UUID kim = feed.contactCreated(owner, "Kim Lee", clock.instant());
        UUID ann = feed.contactCreated(other, "Ann Other", clock.instant());
        Instant held = clock.instant();
        UUID notAsked = feed.meetingHeld(owner, UUID.randomUUID(), kim, "DISCOVERY", held, false);
        UUID named = feed.meetingHeld(owner, UUID.randomUUID(), sam, "DISCOVERY", held, true, "Lee Park");
        feed.contactConnected(owner, sam, lee, "INTRODUCTION", held);
        UUID theirs = feed.meetingHeld(other, UUID.randomUUID(), ann, "DISCOVERY", held, false);
        await().atMost(ARRIVAL).until(() -> introductions(sam) == 1 && "HELD".equals(meetingStatus(notAsked))
                && "HELD".equals(meetingStatus(named)) && "HELD".equals(meetingStatus(theirs)) && contactKnown(ann));

        clock.advance(Duration.ofDays(1));
        rules.sweep();
        assertThat(notifications(ASK)).isEmpty();
        clock.advance(Duration.ofDays(2));
        rules.sweep();
        assertThat(notifications(ASK)).singleElement().satisfies(n -> {
            assertThat(n.subjectId).isEqualTo(named);
            assertThat(n.message).startsWith("Sam Carter named Lee Park in your one-to-one 3 days ago, and you have not been in touch with them yet.");
        });
        assertThat(notificationsOf(other, ASK)).isEmpty();
    }

    private long introductions(UUID introducer) {
        return count("select count(*) from introduction where introducer_id = ?1", introducer);
    }
}
