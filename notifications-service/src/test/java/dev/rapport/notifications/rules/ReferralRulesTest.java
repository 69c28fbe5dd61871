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
class ReferralRulesTest extends RuleTestFixture {

    private static final String UNACKNOWLEDGED = RuleName.REFERRAL_UNACKNOWLEDGED.id();
    private static final String WON = RuleName.REFERRAL_WON.id();

    @Test
    void aReferralReceivedStillOpenAfterTwoDaysIsRaisedUntilItsStatusMovesOn() {
        UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant());
        UUID received = feed.referralWithId(owner, "received", sam, "Jo Bloggs", clock.instant());
        UUID given = feed.referralWithId(owner, "given", sam, "Ann Other", clock.instant());
        await().atMost(ARRIVAL).until(() -> known(received) && known(given) && contactKnown(sam));

        clock.advance(Duration.ofDays(1));
        rules.sweep();
        assertThat(notifications(UNACKNOWLEDGED)).isEmpty();
        clock.advance(Duration.ofDays(1).plusHours(1));
        rules.sweep();
        rules.sweep();
        assertThat(notifications(UNACKNOWLEDGED)).singleElement().satisfies(n -> {
            assertThat(n.subjectId).isEqualTo(received);
            assertThat(n.status).isEqualTo(Notification.Status.OPEN);
            assertThat(n.message).contains("Sam Carter referred Jo Bloggs to you 2 days ago", "still open");
            assertThat(n.link).isEqualTo("/referrals/" + received);
        });

        feed.referralStatusChanged(owner, received, sam, "RECEIVED", "OPEN", "CONTACTED", clock.instant(), false);
        await().atMost(ARRIVAL).untilAsserted(() -> assertThat(notifications(UNACKNOWLEDGED)).singleElement()
                .extracting(n -> n.status).isEqualTo(Notification.Status.RESOLVED));
    }

    @Test
    void aReferralContactedInTimeIsNeverRaised() {
        UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant());
        await().atMost(ARRIVAL).until(() -> contactKnown(sam));
        UUID received = feed.referralWithId(owner, "received", sam, "Jo Bloggs", clock.instant());
        feed.referralStatusChanged(owner, received, sam, "RECEIVED", "OPEN", "CONTACTED", clock.instant(), false);
        await().atMost(ARRIVAL).until(() -> "CONTACTED".equals(status(received)));
        clock.advance(Duration.ofDays(3));
        rules.sweep();
        assertThat(notifications(UNACKNOWLEDGED)).isEmpty();
    }

    @Test
    void aReferralReceivedAndWonAsksToThankTheGiverUntilThanked() {
        UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant());
        await().atMost(ARRIVAL).until(() -> contactKnown(sam));
        UUID received = feed.referralWithId(owner, "received", sam, "Jo Bloggs", clock.instant());
        feed.referralStatusChanged(owner, received, sam, "RECEIVED", "OPEN", "CONTACTED", clock.instant(), false);
        feed.referralStatusChanged(owner, received, sam, "RECEIVED", "CONTACTED", "WON", clock.instant(), false);
        feed.referralWon(owner, received, sam, "RECEIVED", "1200.50", clock.instant());
        await().atMost(ARRIVAL).until(() -> notifications(WON).size() == 1);
        assertThat(notifications(WON)).singleElement().satisfies(n -> {
            assertThat(n.subjectId).isEqualTo(received);
            assertThat(n.title).contains("Thank Sam Carter");
            assertThat(n.message).contains("Jo Bloggs", "Sam Carter", "EUR 1200.50", "Thank Sam Carter");
        });

        feed.referralThanked(owner, received, sam, clock.instant());
        await().atMost(ARRIVAL).untilAsserted(() -> assertThat(notifications(WON)).singleElement()
                .extracting(n -> n.status).isEqualTo(Notification.Status.RESOLVED));
        clock.advance(Duration.ofDays(30));
        rules.sweep();
        assertThat(notifications(WON)).hasSize(1);
    }

    @Test
    void aReferralGivenAndWonIsCelebratedAndACorrectionResolvesIt() {
        UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant());
        // Contacts and referrals come on different topics: the name first, so that the nudge can use it.
        await().atMost(ARRIVAL).until(() -> contactKnown(sam));
        UUID given = feed.referralWithId(owner, "given", sam, "Ann Other", clock.instant());
        feed.referralStatusChanged(owner, given, sam, "GIVEN", "MEETING", "WON", clock.instant(), false);
        feed.referralWon(owner, given, sam, "GIVEN", "300.00", clock.instant());
        await().atMost(ARRIVAL).until(() -> notifications(WON).size() == 1);
        assertThat(notifications(WON)).singleElement().satisfies(n -> {
            assertThat(n.title).contains("Celebrate with Sam Carter");
            assertThat(n.message).contains("Ann Other, whom you referred to Sam Carter", "EUR 300.00");
        });

        feed.referralStatusChanged(owner, given, sam, "GIVEN", "WON", "MEETING", clock.instant(), true);
        await().atMost(ARRIVAL).untilAsserted(() -> assertThat(notifications(WON)).singleElement()
                .extracting(n -> n.status).isEqualTo(Notification.Status.RESOLVED));
    }

    @Test
    void deletingThePartnerResolvesAndErasingThemForgetsTheNotificationsAboutTheirReferrals() {
        UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant());
        // Contacts and referrals come on different topics: the name first, so that the nudge can use it.
        await().atMost(ARRIVAL).until(() -> contactKnown(sam));
        UUID given = feed.referralWithId(owner, "given", sam, "Ann Other", clock.instant());
        feed.referralStatusChanged(owner, given, sam, "GIVEN", "MEETING", "WON", clock.instant(), false);
        feed.referralWon(owner, given, sam, "GIVEN", "300.00", clock.instant());
        await().atMost(ARRIVAL).until(() -> notifications(WON).size() == 1);

        feed.contactDeleted(owner, sam, clock.instant());
        await().atMost(ARRIVAL).untilAsserted(() -> assertThat(notifications(WON)).singleElement()
                .extracting(n -> n.status).as("a deleted partner's referrals raise nothing").isEqualTo(Notification.Status.RESOLVED));
        feed.contactErased(owner, sam, clock.instant());
        await().atMost(ARRIVAL).until(() -> notifications(WON).isEmpty());
        assertThat(rowsMentioning("outbox_event", "payload::text", "Sam Carter")).isZero();
    }

    @Test
    void eachOwnerTunesTheReferralRules() {
        QuarkusTransaction.requiringNew().run(() -> {
            settings.save(owner, RuleName.REFERRAL_WON, mapper.createObjectNode().put("thankGiver", false), clock.instant());
            settings.save(owner, RuleName.REFERRAL_UNACKNOWLEDGED, mapper.createObjectNode().put("after", "P5D"), clock.instant());
        });
        UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant());
        await().atMost(ARRIVAL).until(() -> contactKnown(sam));
        UUID won = feed.referralWithId(owner, "received", sam, "Jo Bloggs", clock.instant());
        feed.referralStatusChanged(owner, won, sam, "RECEIVED", "MEETING", "WON", clock.instant(), false);
        feed.referralWon(owner, won, sam, "RECEIVED", "80.00", clock.instant());
        UUID open = feed.referralWithId(owner, "received", sam, "Ann Other", clock.instant());
        await().atMost(ARRIVAL).until(() -> "WON".equals(status(won)) && known(open));

        clock.advance(Duration.ofDays(3));
        rules.sweep();
        assertThat(notifications(WON)).isEmpty();
        assertThat(notifications(UNACKNOWLEDGED)).isEmpty();
        clock.advance(Duration.ofDays(3));
        rules.sweep();
        assertThat(notifications(UNACKNOWLEDGED)).extracting(n -> n.subjectId).containsExactly(open);
    }

    private boolean known(UUID referral) {
        return status(referral) != null;
    }

    private String status(UUID referral) {
        return (String) singleValue("select max(status) from referral_activity where referral_id = ?1", referral);
    }
}
