package dev.rapport.notifications.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.notifications.Feed;
import dev.rapport.notifications.MutableClock;
import dev.rapport.notifications.notification.Notification;
import dev.rapport.notifications.settings.RuleSettingsRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

@QuarkusTest
class EventFollowUpTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(30);
    private static final String FOLLOW_UP = RuleName.EVENT_FOLLOW_UP.id();

    @Inject
    Rules rules;

    @Inject
    MutableClock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    RuleSettingsRepository settings;

    @Inject
    ObjectMapper mapper;

    private final Feed feed = new Feed();
    private final UUID owner = UUID.randomUUID();

    @AfterEach
    void close() {
        feed.close();
    }

    @Test
    void someoneMetAtAnEventNotInvitedThreeDaysAfterItIsRaisedUntilInvited() {
        UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant());
        UUID breakfast = breakfast();
        feed.attendee(owner, "added", breakfast, sam, clock.instant());
        await().atMost(ARRIVAL).until(() -> contactKnown(sam) && attendees(breakfast) == 1);

        clock.advance(Duration.ofDays(2).plusHours(22));
        rules.sweep();
        assertThat(notifications()).isEmpty();
        clock.advance(Duration.ofHours(2));
        rules.sweep();
        rules.sweep();
        assertThat(notifications()).singleElement().satisfies(n -> {
            assertThat(n.subjectId).isEqualTo(sam);
            assertThat(n.title).isEqualTo("Follow up with Sam Carter");
            assertThat(n.message).isEqualTo("You met Sam Carter at Chamber of Commerce breakfast 3 days ago and have not invited them "
                    + "to a one-to-one yet. Invite them while the meeting is fresh in their mind.");
            assertThat(n.link).isEqualTo("/contacts/" + sam);
        });

        feed.invitation(owner, "sent", UUID.randomUUID(), sam, clock.instant());
        await().atMost(ARRIVAL).until(() -> open().isEmpty());
        clock.advance(Duration.ofDays(10));
        rules.sweep();
        assertThat(open()).isEmpty();
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
        assertThat(notifications()).isEmpty();
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
        assertThat(open()).extracting(n -> n.subjectId).containsExactlyInAnyOrder(sam, lee, ann);
        assertThat(open()).filteredOn(n -> n.subjectId.equals(lee)).singleElement()
                .satisfies(n -> assertThat(n.message).contains("at Rotary lunch 4 days ago"));

        feed.attendee(owner, "removed", breakfast, sam, clock.instant());
        feed.networkingEventDeleted(owner, lunch, clock.instant());
        feed.contactDeleted(owner, ann, clock.instant());
        await().atMost(ARRIVAL).until(() -> open().isEmpty());
        assertThat(notifications()).hasSize(3).allMatch(n -> n.status == Notification.Status.RESOLVED);
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
        assertThat(notifications()).isEmpty();
        clock.advance(Duration.ofHours(4));
        rules.sweep();
        assertThat(notifications()).singleElement().satisfies(n -> assertThat(n.message).contains("1 day ago"));
        clock.advance(Duration.ofDays(10));
        rules.sweep();
        assertThat(notificationsOf(other)).isEmpty();
    }

    /** An event that began three hours ago and ended one hour ago. */
    private UUID breakfast() {
        return feed.networkingEvent(owner, "Chamber of Commerce breakfast", clock.instant().minus(Duration.ofHours(3)),
                clock.instant().minus(Duration.ofHours(1)));
    }

    private List<Notification> open() {
        return notifications().stream().filter(n -> n.status == Notification.Status.OPEN).toList();
    }

    private List<Notification> notifications() {
        return notificationsOf(owner);
    }

    private List<Notification> notificationsOf(UUID ownerId) {
        return QuarkusTransaction.requiringNew().call(() -> Notification.<Notification>list(
                "ownerId = ?1 and rule = ?2 order by createdAt", ownerId, FOLLOW_UP));
    }

    private long attendees(UUID event) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery("""
                select count(*) from event_attendee a join networking_event e on e.event_id = a.event_id where a.event_id = ?1""")
                .setParameter(1, event).getSingleResult()).longValue());
    }

    private boolean arranged(UUID contact) {
        return QuarkusTransaction.requiringNew().call(() -> !entityManager
                .createNativeQuery("select 1 from one_to_one where contact_id = ?1").setParameter(1, contact).getResultList().isEmpty());
    }

    private boolean contactKnown(UUID contact) {
        return QuarkusTransaction.requiringNew().call(() -> !entityManager
                .createNativeQuery("select 1 from contact_activity where contact_id = ?1 and name <> ''")
                .setParameter(1, contact).getResultList().isEmpty());
    }

    private String stageOf(UUID contact) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("select max(stage) from contact_activity where contact_id = ?1")
                .setParameter(1, contact).getSingleResult());
    }
}
