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
class RelationshipDormantTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(30);
    private static final String DORMANT = RuleName.RELATIONSHIP_DORMANT.id();

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
    void aContactNotInTouchForAYearIsDormantUntilAnyInteraction() {
        UUID dana = feed.contactCreated(owner, "Dana Reyes", clock.instant());
        await().atMost(ARRIVAL).until(() -> contactKnown(dana));

        clock.advance(Duration.ofDays(364));
        rules.sweep();
        assertThat(notifications()).isEmpty();
        clock.advance(Duration.ofDays(2));
        rules.sweep();
        rules.sweep();
        assertThat(notifications()).singleElement().satisfies(n -> {
            assertThat(n.subjectId).isEqualTo(dana);
            assertThat(n.status).isEqualTo(Notification.Status.OPEN);
            assertThat(n.title).isEqualTo("Reconnect with Dana Reyes");
            assertThat(n.message).isEqualTo("You added Dana Reyes 12 months ago and have not been in touch since — reconnect.");
            assertThat(n.link).isEqualTo("/contacts/" + dana);
        });

        feed.touchpoint(owner, dana, clock.instant());
        await().atMost(ARRIVAL).until(() -> open().isEmpty());
        clock.advance(Duration.ofDays(364));
        rules.sweep();
        assertThat(open()).isEmpty();
        clock.advance(Duration.ofDays(2));
        rules.sweep();
        assertThat(open()).hasSize(1);
    }

    @Test
    void itSaysHowLongTheyHaveKnownThePersonAndHowLongItHasBeenQuiet() {
        UUID dana = feed.contactCreated(owner, "Dana Reyes", clock.instant().minus(Duration.ofDays(9 * 365 + 20)), null, "PARTNER");
        await().atMost(ARRIVAL).until(() -> notifications().size() == 1);
        assertThat(notifications()).singleElement().satisfies(n -> assertThat(n.message)
                .isEqualTo("You added Dana Reyes 9 years ago and have not been in touch since — reconnect."));

        feed.meetingHeld(owner, dana, clock.instant());
        await().atMost(ARRIVAL).until(() -> open().isEmpty());
        clock.advance(Duration.ofDays(2 * 365 + 10));
        rules.sweep();
        assertThat(open()).singleElement().satisfies(n -> assertThat(n.message)
                .isEqualTo("You have known Dana Reyes for 11 years and have not been in touch for 2 years — reconnect."));

        feed.referral(owner, "received", dana, clock.instant());
        await().atMost(ARRIVAL).until(() -> open().isEmpty());
    }

    @Test
    void aDeclinedOrClosedRelationshipIsNotChasedAndADeletedContactResolves() {
        Instant longAgo = clock.instant().minus(Duration.ofDays(800));
        UUID closed = feed.contactCreated(owner, "Lee Closed", longAgo, null, "CLOSED");
        UUID declining = feed.contactCreated(owner, "Kim Declining", longAgo, null, "INVITED");
        UUID deleted = feed.contactCreated(owner, "Ann Deleted", longAgo, null, "EXPLORING");
        await().atMost(ARRIVAL).until(() -> open().size() == 2);
        assertThat(open()).extracting(n -> n.subjectId).containsExactlyInAnyOrder(declining, deleted);
        assertThat(contactKnown(closed)).isTrue();

        feed.stageChanged(owner, declining, "INVITED", "DECLINED", clock.instant());
        feed.contactDeleted(owner, deleted, clock.instant());
        await().atMost(ARRIVAL).until(() -> open().isEmpty());
        assertThat(notifications()).hasSize(2).allMatch(n -> n.status == Notification.Status.RESOLVED);
        clock.advance(Duration.ofDays(400));
        rules.sweep();
        assertThat(open()).isEmpty();
    }

    @Test
    void eachOwnerTunesOrSwitchesOffTheRule() {
        UUID other = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            settings.save(owner, RuleName.RELATIONSHIP_DORMANT, mapper.createObjectNode().put("after", "P90D"), clock.instant());
            settings.save(other, RuleName.RELATIONSHIP_DORMANT, mapper.createObjectNode().put("enabled", false), clock.instant());
        });
        UUID dana = feed.contactCreated(owner, "Dana Reyes", clock.instant());
        UUID lee = feed.contactCreated(other, "Lee Park", clock.instant());
        await().atMost(ARRIVAL).until(() -> contactKnown(dana) && contactKnown(lee));

        clock.advance(Duration.ofDays(89));
        rules.sweep();
        assertThat(notifications()).isEmpty();
        clock.advance(Duration.ofDays(2));
        rules.sweep();
        assertThat(notifications()).singleElement().satisfies(n -> assertThat(n.message).contains("3 months ago"));
        clock.advance(Duration.ofDays(400));
        rules.sweep();
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
                "ownerId = ?1 and rule = ?2 order by createdAt", ownerId, DORMANT));
    }

    private boolean contactKnown(UUID contact) {
        return QuarkusTransaction.requiringNew().call(() -> !entityManager
                .createNativeQuery("select 1 from contact_activity where contact_id = ?1 and name <> ''")
                .setParameter(1, contact).getResultList().isEmpty());
    }
}
