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
class MeetingAskWhoTheyKnowTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(30);
    private static final String ASK = RuleName.MEETING_ASK_WHO_THEY_KNOW.id();

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
    void aDiscoveryHeldWithoutAskingIsRaisedAtOnceUntilALaterOneToOneAsks() {
        UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant());
        await().atMost(ARRIVAL).until(() -> contactKnown(sam));
        UUID discovery = feed.meetingHeld(owner, UUID.randomUUID(), sam, "DISCOVERY", clock.instant(), false);
        await().atMost(ARRIVAL).until(() -> notifications().size() == 1);
        assertThat(notifications()).singleElement().satisfies(n -> {
            assertThat(n.subjectId).isEqualTo(discovery);
            assertThat(n.title).isEqualTo("Ask Sam Carter who they know");
            assertThat(n.message).isEqualTo("In your discovery one-to-one with Sam Carter you did not ask who they know. "
                    + "Ask them when you next talk: \"Who do you know who might be interested in this?\"");
            assertThat(n.link).isEqualTo("/one-to-ones/" + discovery);
        });

        // A referral-fit one-to-one without the question raises nothing of its own and settles nothing.
        clock.advance(Duration.ofDays(1));
        UUID referralFit = feed.meetingHeld(owner, UUID.randomUUID(), sam, "REFERRAL_FIT", clock.instant(), false);
        await().atMost(ARRIVAL).until(() -> "HELD".equals(status(referralFit)));
        rules.sweep();
        assertThat(open()).extracting(n -> n.subjectId).containsExactly(discovery);

        clock.advance(Duration.ofDays(1));
        feed.meetingHeld(owner, UUID.randomUUID(), sam, "CHECK_IN", clock.instant(), true);
        await().atMost(ARRIVAL).until(() -> open().isEmpty());
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
        await().atMost(ARRIVAL).until(() -> introductions(sam) == 2 && "HELD".equals(status(meeting)) && contactKnown(kim));

        clock.advance(Duration.ofDays(6));
        rules.sweep();
        assertThat(notifications()).isEmpty();
        feed.touchpoint(owner, lee, clock.instant());
        await().atMost(ARRIVAL).until(() -> lastInteraction(lee) != null);
        clock.advance(Duration.ofDays(2));
        rules.sweep();
        rules.sweep();
        assertThat(notifications()).singleElement().satisfies(n -> {
            assertThat(n.subjectId).isEqualTo(meeting);
            assertThat(n.title).isEqualTo("Contact the people Sam Carter named");
            assertThat(n.message).isEqualTo("Sam Carter named 2 people in your one-to-one 8 days ago; you have not been in touch with "
                    + "Kim Lee yet. Contact them while the introduction is fresh, and tell Sam Carter how it went.");
            assertThat(n.link).isEqualTo("/one-to-ones/" + meeting);
        });

        feed.invitation(owner, "sent", UUID.randomUUID(), kim, clock.instant());
        await().atMost(ARRIVAL).until(() -> open().isEmpty());
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
        await().atMost(ARRIVAL).until(() -> introductions(sam) == 2 && "HELD".equals(status(meeting)) && contactKnown(kim));
        clock.advance(Duration.ofDays(8));
        rules.sweep();
        assertThat(open()).singleElement().satisfies(n -> assertThat(n.message).startsWith(
                "Sam Carter named Kim Lee and Lee Park in your one-to-one 8 days ago, and you have not been in touch with any of them yet."));

        feed.contactDeleted(owner, kim, clock.instant());
        feed.contactErased(owner, kim, clock.instant());
        await().atMost(ARRIVAL).until(() -> notifications().stream().noneMatch(n -> n.message.contains("Kim Lee")) && open().size() == 1);
        assertThat(open()).singleElement().satisfies(n -> assertThat(n.message).startsWith(
                "Sam Carter named 2 people in your one-to-one 8 days ago; you have not been in touch with Lee Park yet."));
        assertThat(rowsMentioning("outbox_event", "payload::text", "Kim Lee")).isZero();
        assertThat(rowsMentioning("notification", "message", "Kim Lee")).isZero();

        feed.contactDeleted(owner, lee, clock.instant());
        await().atMost(ARRIVAL).until(() -> open().isEmpty());
    }

    @Test
    void deletingThePersonMetResolvesIt() {
        UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant());
        await().atMost(ARRIVAL).until(() -> contactKnown(sam));
        feed.meetingHeld(owner, UUID.randomUUID(), sam, "DISCOVERY", clock.instant(), false);
        await().atMost(ARRIVAL).until(() -> open().size() == 1);
        feed.contactDeleted(owner, sam, clock.instant());
        await().atMost(ARRIVAL).until(() -> open().isEmpty());
        assertThat(notifications()).singleElement().extracting(n -> n.status).isEqualTo(Notification.Status.RESOLVED);
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
        await().atMost(ARRIVAL).until(() -> introductions(sam) == 1 && "HELD".equals(status(notAsked)) && "HELD".equals(status(named))
                && "HELD".equals(status(theirs)) && contactKnown(ann));

        clock.advance(Duration.ofDays(1));
        rules.sweep();
        assertThat(notifications()).isEmpty();
        clock.advance(Duration.ofDays(2));
        rules.sweep();
        assertThat(notifications()).singleElement().satisfies(n -> {
            assertThat(n.subjectId).isEqualTo(named);
            assertThat(n.message).startsWith("Sam Carter named Lee Park in your one-to-one 3 days ago, and you have not been in touch with them yet.");
        });
        assertThat(notificationsOf(other)).isEmpty();
    }

    private List<Notification> open() {
        return notifications().stream().filter(n -> n.status == Notification.Status.OPEN).toList();
    }

    private List<Notification> notifications() {
        return notificationsOf(owner);
    }

    private List<Notification> notificationsOf(UUID ownerId) {
        return QuarkusTransaction.requiringNew().call(() -> Notification.<Notification>list(
                "ownerId = ?1 and rule = ?2 order by createdAt", ownerId, ASK));
    }

    private String status(UUID meeting) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("select max(status) from one_to_one where meeting_id = ?1")
                .setParameter(1, meeting).getSingleResult());
    }

    private long introductions(UUID introducer) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from introduction where introducer_id = ?1")
                .setParameter(1, introducer).getSingleResult()).longValue());
    }

    private boolean contactKnown(UUID contact) {
        return QuarkusTransaction.requiringNew().call(() -> !entityManager
                .createNativeQuery("select 1 from contact_activity where contact_id = ?1 and name <> ''")
                .setParameter(1, contact).getResultList().isEmpty());
    }

    private Object lastInteraction(UUID contact) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select max(last_interaction_at) from contact_activity where contact_id = ?1")
                .setParameter(1, contact).getSingleResult());
    }

    private long rowsMentioning(String table, String column, String text) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from " + table + " where owner_id = ?1 and strpos(" + column + ", ?2) > 0")
                .setParameter(1, owner).setParameter(2, text).getSingleResult()).longValue());
    }
}
