package dev.rapport.notifications.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.rapport.notifications.notification.Notification;
import dev.rapport.platform.testing.KafkaTopics;
import dev.rapport.platform.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MeetingNoResponseTest extends RuleTestFixture {

    private static final String NO_RESPONSE = RuleName.MEETING_NO_RESPONSE.id();

    @Test
    void anInvitationUnansweredAfterSevenDaysIsRaisedUntilAnswered() {
        UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant());
        UUID invitation = feed.invitation(owner, "sent", UUID.randomUUID(), sam, clock.instant());
        await().atMost(ARRIVAL).until(() -> contactKnown(sam) && "INVITED".equals(meetingStatus(invitation)));

        clock.advance(Duration.ofDays(6).plusHours(23));
        rules.sweep();
        assertThat(notifications(NO_RESPONSE)).isEmpty();
        clock.advance(Duration.ofHours(2));
        rules.sweep();
        rules.sweep();
        assertThat(notifications(NO_RESPONSE)).singleElement().satisfies(n -> {
            assertThat(n.subjectId).isEqualTo(invitation);
            assertThat(n.title).isEqualTo("No answer from Sam Carter");
            assertThat(n.message).isEqualTo("You invited Sam Carter to a discovery one-to-one 7 days ago and have had no answer. "
                    + "Follow up with a call or a message, or mark the invitation unanswered.");
            assertThat(n.link).isEqualTo("/one-to-ones/" + invitation);
        });

        feed.invitation(owner, "accepted", invitation, sam, clock.instant());
        await().atMost(ARRIVAL).until(() -> open(NO_RESPONSE).isEmpty());
        clock.advance(Duration.ofDays(10));
        rules.sweep();
        assertThat(open(NO_RESPONSE)).isEmpty();
    }

    @Test
    void declinedMarkedUnansweredCancelledOrTheContactDeletedResolvesIt() {
        UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant());
        UUID lee = feed.contactCreated(owner, "Lee Park", clock.instant());
        UUID declined = feed.invitation(owner, "sent", UUID.randomUUID(), sam, clock.instant());
        UUID unanswered = feed.invitation(owner, "sent", UUID.randomUUID(), sam, clock.instant());
        UUID cancelled = feed.invitation(owner, "sent", UUID.randomUUID(), sam, clock.instant());
        UUID deleted = feed.invitation(owner, "sent", UUID.randomUUID(), lee, clock.instant());
        await().atMost(ARRIVAL).until(() -> contactKnown(sam) && contactKnown(lee) && "INVITED".equals(meetingStatus(deleted)));
        clock.advance(Duration.ofDays(8));
        rules.sweep();
        assertThat(open(NO_RESPONSE)).extracting(n -> n.subjectId).containsExactlyInAnyOrder(declined, unanswered, cancelled, deleted);

        feed.invitation(owner, "declined", declined, sam, clock.instant());
        feed.invitation(owner, "expired", unanswered, sam, clock.instant());
        feed.meetingCancelled(owner, cancelled, sam, clock.instant());
        feed.contactDeleted(owner, lee, clock.instant());
        await().atMost(ARRIVAL).until(() -> open(NO_RESPONSE).isEmpty());
        assertThat(notifications(NO_RESPONSE)).hasSize(4).allMatch(n -> n.status == Notification.Status.RESOLVED);
    }

    @Test
    void eachOwnerTunesOrSwitchesOffTheRule() {
        UUID other = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            settings.save(owner, RuleName.MEETING_NO_RESPONSE, mapper.createObjectNode().put("after", "P3D"), clock.instant());
            settings.save(other, RuleName.MEETING_NO_RESPONSE, mapper.createObjectNode().put("enabled", false), clock.instant());
        });
        UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant());
        UUID lee = feed.contactCreated(other, "Lee Park", clock.instant());
        UUID mine = feed.invitation(owner, "sent", UUID.randomUUID(), sam, clock.instant());
        UUID theirs = feed.invitation(other, "sent", UUID.randomUUID(), lee, clock.instant());
        await().atMost(ARRIVAL).until(() -> "INVITED".equals(meetingStatus(mine)) && "INVITED".equals(meetingStatus(theirs))
                && contactKnown(sam));

        clock.advance(Duration.ofDays(2));
        rules.sweep();
        assertThat(notifications(NO_RESPONSE)).isEmpty();
        clock.advance(Duration.ofDays(2));
        rules.sweep();
        assertThat(notifications(NO_RESPONSE)).singleElement().satisfies(n -> assertThat(n.message).contains("4 days ago"));
        clock.advance(Duration.ofDays(10));
        rules.sweep();
        assertThat(notificationsOf(other, NO_RESPONSE)).isEmpty();
    }

    @Test
    void anInvitationWithoutItsContactIsDeadLetteredAndTheNextIsApplied() {
        try (TopicReader deadLetters = new TopicReader(KafkaTopics.SHARED_BROKER, "test.rapport.dlq.notifications-service")) {
            UUID broken = UUID.randomUUID();
            feed.meetingsEvent(owner, "rapport.invitation.sent.v1", broken, """
                    {"invitationId":"%s","stage":"DISCOVERY","at":"%s"}""".formatted(broken, clock.instant()));
            UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant());
            UUID invitation = feed.invitation(owner, "sent", UUID.randomUUID(), sam, clock.instant());
            await().atMost(ARRIVAL).until(() -> "INVITED".equals(meetingStatus(invitation)));
            assertThat(meetingStatus(broken)).isNull();
            await().atMost(ARRIVAL).untilAsserted(() -> assertThat(deadLetters.poll(r -> owner.toString().equals(r.key()))).hasSize(1));
        }
    }
}
