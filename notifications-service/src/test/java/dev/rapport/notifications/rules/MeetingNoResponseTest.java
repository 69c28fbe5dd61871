package dev.rapport.notifications.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.notifications.Feed;
import dev.rapport.notifications.MutableClock;
import dev.rapport.notifications.notification.Notification;
import dev.rapport.notifications.settings.RuleSettingsRepository;
import dev.rapport.platform.testing.KafkaTopics;
import dev.rapport.platform.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

@QuarkusTest
class MeetingNoResponseTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(30);
    private static final String NO_RESPONSE = RuleName.MEETING_NO_RESPONSE.id();

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
    void anInvitationUnansweredAfterSevenDaysIsRaisedUntilAnswered() {
        UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant());
        UUID invitation = feed.invitation(owner, "sent", UUID.randomUUID(), sam, clock.instant());
        await().atMost(ARRIVAL).until(() -> contactKnown(sam) && "INVITED".equals(status(invitation)));

        clock.advance(Duration.ofDays(6).plusHours(23));
        rules.sweep();
        assertThat(notifications()).isEmpty();
        clock.advance(Duration.ofHours(2));
        rules.sweep();
        rules.sweep();
        assertThat(notifications()).singleElement().satisfies(n -> {
            assertThat(n.subjectId).isEqualTo(invitation);
            assertThat(n.title).isEqualTo("No answer from Sam Carter");
            assertThat(n.message).isEqualTo("You invited Sam Carter to a discovery one-to-one 7 days ago and have had no answer. "
                    + "Follow up with a call or a message, or mark the invitation unanswered.");
            assertThat(n.link).isEqualTo("/one-to-ones/" + invitation);
        });

        feed.invitation(owner, "accepted", invitation, sam, clock.instant());
        await().atMost(ARRIVAL).until(() -> open().isEmpty());
        clock.advance(Duration.ofDays(10));
        rules.sweep();
        assertThat(open()).isEmpty();
    }

    @Test
    void declinedMarkedUnansweredCancelledOrTheContactDeletedResolvesIt() {
        UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant());
        UUID lee = feed.contactCreated(owner, "Lee Park", clock.instant());
        UUID declined = feed.invitation(owner, "sent", UUID.randomUUID(), sam, clock.instant());
        UUID unanswered = feed.invitation(owner, "sent", UUID.randomUUID(), sam, clock.instant());
        UUID cancelled = feed.invitation(owner, "sent", UUID.randomUUID(), sam, clock.instant());
        UUID deleted = feed.invitation(owner, "sent", UUID.randomUUID(), lee, clock.instant());
        await().atMost(ARRIVAL).until(() -> contactKnown(sam) && contactKnown(lee) && "INVITED".equals(status(deleted)));
        clock.advance(Duration.ofDays(8));
        rules.sweep();
        assertThat(open()).extracting(n -> n.subjectId).containsExactlyInAnyOrder(declined, unanswered, cancelled, deleted);

        feed.invitation(owner, "declined", declined, sam, clock.instant());
        feed.invitation(owner, "expired", unanswered, sam, clock.instant());
        feed.meetingCancelled(owner, cancelled, sam, clock.instant());
        feed.contactDeleted(owner, lee, clock.instant());
        await().atMost(ARRIVAL).until(() -> open().isEmpty());
        assertThat(notifications()).hasSize(4).allMatch(n -> n.status == Notification.Status.RESOLVED);
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
        await().atMost(ARRIVAL).until(() -> "INVITED".equals(status(mine)) && "INVITED".equals(status(theirs)) && contactKnown(sam));

        clock.advance(Duration.ofDays(2));
        rules.sweep();
        assertThat(notifications()).isEmpty();
        clock.advance(Duration.ofDays(2));
        rules.sweep();
        assertThat(notifications()).singleElement().satisfies(n -> assertThat(n.message).contains("4 days ago"));
        clock.advance(Duration.ofDays(10));
        rules.sweep();
        assertThat(notificationsOf(other)).isEmpty();
    }

    @Test
    void anInvitationWithoutItsContactIsDeadLetteredAndTheNextIsApplied() {
        try (TopicReader deadLetters = new TopicReader(KafkaTopics.SHARED_BROKER, "test.rapport.dlq.notifications-service")) {
            UUID broken = UUID.randomUUID();
            feed.meetingsEvent(owner, "rapport.invitation.sent.v1", broken, """
                    {"invitationId":"%s","stage":"DISCOVERY","at":"%s"}""".formatted(broken, clock.instant()));
            UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant());
            UUID invitation = feed.invitation(owner, "sent", UUID.randomUUID(), sam, clock.instant());
            await().atMost(ARRIVAL).until(() -> "INVITED".equals(status(invitation)));
            assertThat(status(broken)).isNull();
            await().atMost(ARRIVAL).untilAsserted(() -> assertThat(deadLetters.poll(r -> owner.toString().equals(r.key()))).hasSize(1));
        }
    }

    private List<Notification> open() {
        return notifications().stream().filter(n -> n.status == Notification.Status.OPEN).toList();
    }

    private List<Notification> notifications() {
        return notificationsOf(owner);
    }

    private List<Notification> notificationsOf(UUID ownerId) {
        return QuarkusTransaction.requiringNew().call(() -> Notification.<Notification>list(
                "ownerId = ?1 and rule = ?2 order by createdAt", ownerId, NO_RESPONSE));
    }

    private String status(UUID meeting) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("select max(status) from one_to_one where meeting_id = ?1")
                .setParameter(1, meeting).getSingleResult());
    }

    private boolean contactKnown(UUID contact) {
        return QuarkusTransaction.requiringNew().call(() -> !entityManager
                .createNativeQuery("select 1 from contact_activity where contact_id = ?1 and name <> ''")
                .setParameter(1, contact).getResultList().isEmpty());
    }
}
