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
class RelationshipDormantTest extends RuleTestFixture {

    private static final String DORMANT = RuleName.RELATIONSHIP_DORMANT.id();

    @Test
    void aContactNotInTouchForAYearIsDormantUntilAnyInteraction() {
        UUID dana = feed.contactCreated(owner, "Dana Reyes", clock.instant());
        await().atMost(ARRIVAL).until(() -> contactKnown(dana));

        clock.advance(Duration.ofDays(364));
        rules.sweep();
        assertThat(notifications(DORMANT)).isEmpty();
        clock.advance(Duration.ofDays(2));
        rules.sweep();
        rules.sweep();
        assertThat(notifications(DORMANT)).singleElement().satisfies(n -> {
            assertThat(n.subjectId).isEqualTo(dana);
            assertThat(n.status).isEqualTo(Notification.Status.OPEN);
            assertThat(n.title).isEqualTo("Reconnect with Dana Reyes");
            assertThat(n.message).isEqualTo("You added Dana Reyes 12 months ago and have not been in touch since — reconnect.");
            assertThat(n.link).isEqualTo("/contacts/" + dana);
        });

        feed.touchpoint(owner, dana, clock.instant());
        await().atMost(ARRIVAL).until(() -> open(DORMANT).isEmpty());
        clock.advance(Duration.ofDays(364));
        rules.sweep();
        assertThat(open(DORMANT)).isEmpty();
        clock.advance(Duration.ofDays(2));
        rules.sweep();
        assertThat(open(DORMANT)).hasSize(1);
    }

    @Test
    void itSaysHowLongTheyHaveKnownThePersonAndHowLongItHasBeenQuiet() {
        UUID dana = feed.contactCreated(owner, "Dana Reyes", clock.instant().minus(Duration.ofDays(9 * 365 + 20)), null, "PARTNER");
        await().atMost(ARRIVAL).until(() -> notifications(DORMANT).size() == 1);
        assertThat(notifications(DORMANT)).singleElement().satisfies(n -> assertThat(n.message)
                .isEqualTo("You added Dana Reyes 9 years ago and have not been in touch since — reconnect."));

        feed.meetingHeld(owner, dana, clock.instant());
        await().atMost(ARRIVAL).until(() -> open(DORMANT).isEmpty());
        clock.advance(Duration.ofDays(2 * 365 + 10));
        rules.sweep();
        assertThat(open(DORMANT)).singleElement().satisfies(n -> assertThat(n.message)
                .isEqualTo("You have known Dana Reyes for 11 years and have not been in touch for 2 years — reconnect."));

        feed.referral(owner, "received", dana, clock.instant());
        await().atMost(ARRIVAL).until(() -> open(DORMANT).isEmpty());
    }

    @Test
    void aDeclinedOrClosedRelationshipIsNotChasedAndADeletedContactResolves() {
        Instant longAgo = clock.instant().minus(Duration.ofDays(800));
        UUID closed = feed.contactCreated(owner, "Lee Closed", longAgo, null, "CLOSED");
        UUID declining = feed.contactCreated(owner, "Kim Declining", longAgo, null, "INVITED");
        UUID deleted = feed.contactCreated(owner, "Ann Deleted", longAgo, null, "EXPLORING");
        await().atMost(ARRIVAL).until(() -> open(DORMANT).size() == 2);
        assertThat(open(DORMANT)).extracting(n -> n.subjectId).containsExactlyInAnyOrder(declining, deleted);
        assertThat(contactKnown(closed)).isTrue();

        feed.stageChanged(owner, declining, "INVITED", "DECLINED", clock.instant());
        feed.contactDeleted(owner, deleted, clock.instant());
        await().atMost(ARRIVAL).until(() -> open(DORMANT).isEmpty());
        assertThat(notifications(DORMANT)).hasSize(2).allMatch(n -> n.status == Notification.Status.RESOLVED);
        clock.advance(Duration.ofDays(400));
        rules.sweep();
        assertThat(open(DORMANT)).isEmpty();
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
        assertThat(notifications(DORMANT)).isEmpty();
        clock.advance(Duration.ofDays(2));
        rules.sweep();
        assertThat(notifications(DORMANT)).singleElement().satisfies(n -> assertThat(n.message).contains("3 months ago"));
        clock.advance(Duration.ofDays(400));
        rules.sweep();
        assertThat(notificationsOf(other, DORMANT)).isEmpty();
    }
}
