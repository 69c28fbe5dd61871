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
class ReservationUnresolvedTest extends RuleTestFixture {

    private static final String UNRESOLVED = RuleName.RESERVATION_UNRESOLVED.id();

    @Test
    void aReservationOpenForThreeWeeksWhileQualifyingIsRaisedUntilResolved() {
        UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant(), null, "QUALIFYING");
        UUID reservation = feed.reservationRaised(owner, sam, "ME", "CONFIDENTIALITY", clock.instant());
        await().atMost(ARRIVAL).until(() -> "OPEN".equals(status(reservation)));

        clock.advance(Duration.ofDays(20).plusHours(23));
        rules.sweep();
        assertThat(notifications(UNRESOLVED)).isEmpty();
        clock.advance(Duration.ofHours(2));
        rules.sweep();
        rules.sweep();
        assertThat(notifications(UNRESOLVED)).singleElement().satisfies(n -> {
            assertThat(n.subjectId).isEqualTo(reservation);
            assertThat(n.title).isEqualTo("Unresolved reservation: Sam Carter");
            assertThat(n.message).isEqualTo("Your reservation about Sam Carter's confidentiality has been open for 21 days while you "
                    + "weigh them up as a referral partner. Talk it through with Sam Carter, then resolve or confirm it.");
            assertThat(n.link).isEqualTo("/contacts/" + sam + "/reservations/" + reservation);
        });

        feed.reservationSettled(owner, reservation, sam, "RESOLVED", clock.instant());
        await().atMost(ARRIVAL).until(() -> open(UNRESOLVED).isEmpty());
        clock.advance(Duration.ofDays(30));
        rules.sweep();
        assertThat(open(UNRESOLVED)).isEmpty();
    }

    @Test
    void itHoldsOnlyWhileTheContactIsQualifying() {
        UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant(), null, "EXPLORING");
        UUID reservation = feed.reservationRaised(owner, sam, "THEM", "REACH", clock.instant());
        await().atMost(ARRIVAL).until(() -> "OPEN".equals(status(reservation)));
        clock.advance(Duration.ofDays(22));
        rules.sweep();
        assertThat(notifications(UNRESOLVED)).isEmpty();

        feed.stageChanged(owner, sam, "EXPLORING", "QUALIFYING", clock.instant());
        await().atMost(ARRIVAL).until(() -> open(UNRESOLVED).size() == 1);
        assertThat(open(UNRESOLVED)).singleElement().satisfies(n -> assertThat(n.message).isEqualTo("Sam Carter's reservation "
                + "about your reach has been open for 22 days while you weigh each other up as referral partners. Address it with "
                + "Sam Carter, then resolve or confirm it."));

        feed.stageChanged(owner, sam, "QUALIFYING", "PARTNER", clock.instant());
        await().atMost(ARRIVAL).until(() -> open(UNRESOLVED).isEmpty());
    }

    @Test
    void confirmingItOrDeletingTheContactResolvesItAndErasingThemForgetsIt() {
        UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant(), null, "QUALIFYING");
        UUID lee = feed.contactCreated(owner, "Lee Park", clock.instant(), null, "QUALIFYING");
        UUID confirmed = feed.reservationRaised(owner, sam, "ME", "INTEGRITY", clock.instant());
        UUID other = feed.reservationRaised(owner, lee, "ME", "OTHER", clock.instant());
        await().atMost(ARRIVAL).until(() -> "OPEN".equals(status(confirmed)) && "OPEN".equals(status(other)));
        clock.advance(Duration.ofDays(22));
        rules.sweep();
        assertThat(open(UNRESOLVED)).extracting(n -> n.subjectId).containsExactlyInAnyOrder(confirmed, other);
        assertThat(open(UNRESOLVED)).filteredOn(n -> n.subjectId.equals(other)).singleElement()
                .satisfies(n -> assertThat(n.message).startsWith("Your reservation about Lee Park has been open for 22 days"));

        feed.reservationSettled(owner, confirmed, sam, "CONFIRMED", clock.instant());
        feed.contactDeleted(owner, lee, clock.instant());
        await().atMost(ARRIVAL).until(() -> open(UNRESOLVED).isEmpty());
        assertThat(notifications(UNRESOLVED)).hasSize(2).allMatch(n -> n.status == Notification.Status.RESOLVED);

        feed.contactErased(owner, lee, clock.instant());
        await().atMost(ARRIVAL).until(() -> notifications(UNRESOLVED).size() == 1);
        assertThat(status(other)).as("the erased person's reservations are forgotten").isNull();
    }

    @Test
    void eachOwnerTunesOrSwitchesOffTheRule() {
        UUID another = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            settings.save(owner, RuleName.RESERVATION_UNRESOLVED, mapper.createObjectNode().put("after", "P7D"), clock.instant());
            settings.save(another, RuleName.RESERVATION_UNRESOLVED, mapper.createObjectNode().put("enabled", false), clock.instant());
        });
        UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant(), null, "QUALIFYING");
        UUID lee = feed.contactCreated(another, "Lee Park", clock.instant(), null, "QUALIFYING");
        UUID mine = feed.reservationRaised(owner, sam, "ME", "RELIABILITY", clock.instant());
        UUID theirs = feed.reservationRaised(another, lee, "ME", "RELIABILITY", clock.instant());
        await().atMost(ARRIVAL).until(() -> "OPEN".equals(status(mine)) && "OPEN".equals(status(theirs)));

        clock.advance(Duration.ofDays(6));
        rules.sweep();
        assertThat(notifications(UNRESOLVED)).isEmpty();
        clock.advance(Duration.ofDays(2));
        rules.sweep();
        assertThat(notifications(UNRESOLVED)).singleElement().satisfies(n -> assertThat(n.message).contains("open for 8 days"));
        clock.advance(Duration.ofDays(30));
        rules.sweep();
        assertThat(notificationsOf(another, UNRESOLVED)).isEmpty();
    }

    private String status(UUID reservation) {
        return (String) singleValue("select max(status) from reservation_activity where reservation_id = ?1", reservation);
    }
}
