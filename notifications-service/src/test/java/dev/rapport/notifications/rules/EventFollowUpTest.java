package dev.rapport.notifications.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.rapport.notifications.notification.Notification;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class EventFollowUpTest extends RuleTestFixture {

    private static final String FOLLOW_UP = RuleName.EVENT_FOLLOW_UP.id();

    @Test
    void someoneMetAtAnEventNotInvitedThreeDaysAfterItIsRaisedUntilInvited() {
        UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant());
        UUID breakfast = breakfast();
        feed.attendee(owner, "added", breakfast, sam, clock.instant());
        await().atMost(ARRIVAL).until(() -> contactKnown(sam) && attendees(breakfast) == 1);

        clock.advance(Duration.ofDays(2).plusHours(22));
        rules.sweep();
        assertThat(notifications(FOLLOW_UP)).isEmpty();
        clock.advance(Duration.ofHours(2));
        rules.sweep();
        rules.sweep();
        assertThat(notifications(FOLLOW_UP)).singleElement().satisfies(n -> {
            assertThat(n.subjectId).isEqualTo(sam);
            assertThat(n.title).isEqualTo("Follow up with Sam Carter");
            assertThat(n.message).isEqualTo("You met Sam Carter at Chamber of Commerce breakfast 3 days ago and have not invited them "
                    + "to a one-to-one yet. Invite them while the meeting is fresh in their mind.");
            assertThat(n.link).isEqualTo("/contacts/" + sam);
        });

        feed.invitation(owner, "sent", UUID.randomUUID(), sam, clock.instant());
        await().atMost(ARRIVAL).until(() -> open(FOLLOW_UP).isEmpty());
        clock.advance(Duration.ofDays(10));
        rules.sweep();
        assertThat(open(FOLLOW_UP)).isEmpty();
    }

    @Test
    void aOneToOneArrangedSinceTheEventBeganOrAContactMovedOnRaisesNothing() {
        UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant());
        UUID lee = feed.contactCreated(owner, "Lee Park", clock.instant());
        UUID breakfast = breakfast();
        feed.attendee(owner, "added", breakfast, sam, clock.instant());
        feed.attendee(owner, "added", breakfast, lee, clock.instant());
        feed.meetingScheduled(owner, UUID.randomUUID(), sam, clock.instant());
        feed.stageChanged(owner, lee, "PROSPECT", "EXPLORING", clock.instant());
        await().atMost(ARRIVAL).until(() -> attendees(breakfast) == 2 && "EXPLORING".equals(stageOf(lee)) && arranged(sam));
        clock.advance(Duration.ofDays(4));
        rules.sweep();
        assertThat(notifications(FOLLOW_UP)).isEmpty();
    }

    @Test
    void removingTheAttendeeDeletingTheEventOrTheContactResolvesIt() {
        UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant());
        UUID lee = feed.contactCreated(owner, "Lee Park", clock.instant());
        UUID ann = feed.contactCreated(owner, "Ann Other", clock.instant());
        UUID breakfast = breakfast();
        UUID lunch = feed.networkingEvent(owner, "Rotary lunch", clock.instant().minus(Duration.ofHours(2)), clock.instant());
        feed.attendee(owner, "added", breakfast, sam, clock.instant());
        feed.attendee(owner, "added", lunch, lee, clock.instant());
        feed.attendee(owner, "added", breakfast, ann, clock.instant());
        await().atMost(ARRIVAL).until(() -> attendees(breakfast) == 2 && attendees(lunch) == 1 && contactKnown(ann));
        clock.advance(Duration.ofDays(4));
        rules.sweep();
        assertThat(open(FOLLOW_UP)).extracting(n -> n.subjectId).containsExactlyInAnyOrder(sam, lee, ann);
        assertThat(open(FOLLOW_UP)).filteredOn(n -> n.subjectId.equals(lee)).singleElement()
                .satisfies(n -> assertThat(n.message).contains("at Rotary lunch 4 days ago"));

        feed.attendee(owner, "removed", breakfast, sam, clock.instant());
        feed.networkingEventDeleted(owner, lunch, clock.instant());
        feed.contactDeleted(owner, ann, clock.instant());
        await().atMost(ARRIVAL).until(() -> open(FOLLOW_UP).isEmpty());
        assertThat(notifications(FOLLOW_UP)).hasSize(3).allMatch(n -> n.status == Notification.Status.RESOLVED);
    }

    @Test
    void eachOwnerTunesOrSwitchesOffTheRule() {
        UUID other = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            settings.save(owner, RuleName.EVENT_FOLLOW_UP, mapper.createObjectNode().put("after", "P1D"), clock.instant());
            settings.save(other, RuleName.EVENT_FOLLOW_UP, mapper.createObjectNode().put("enabled", false), clock.instant());
        });
        UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant());
        UUID breakfast = breakfast();
        feed.attendee(owner, "added", breakfast, sam, clock.instant());
        UUID lee = feed.contactCreated(other, "Lee Park", clock.instant());
        UUID theirs = feed.networkingEvent(other, "Chamber of Commerce breakfast", clock.instant().minus(Duration.ofHours(3)),
                clock.instant().minus(Duration.ofHours(1)));
        feed.attendee(other, "added", theirs, lee, clock.instant());
        await().atMost(ARRIVAL).until(() -> attendees(breakfast) == 1 && attendees(theirs) == 1 && contactKnown(sam) && contactKnown(lee));

        clock.advance(Duration.ofHours(20));
        rules.sweep();
        assertThat(notifications(FOLLOW_UP)).isEmpty();
        clock.advance(Duration.ofHours(4));
        rules.sweep();
        assertThat(notifications(FOLLOW_UP)).singleElement().satisfies(n -> assertThat(n.message).contains("1 day ago"));
        clock.advance(Duration.ofDays(10));
        rules.sweep();
        assertThat(notificationsOf(other, FOLLOW_UP)).isEmpty();
    }

    /** An event that began three hours ago and ended one hour ago. */
    private UUID breakfast() {
        return feed.networkingEvent(owner, "Chamber of Commerce breakfast", clock.instant().minus(Duration.ofHours(3)),
                clock.instant().minus(Duration.ofHours(1)));
    }

    private long attendees(UUID event) {
        return count("""
                select count(*) from event_attendee a join networking_event e on e.event_id = a.event_id where a.event_id = ?1""", event);
    }

    private boolean arranged(UUID contact) {
        return exists("select 1 from one_to_one where contact_id = ?1", contact);
    }
}
