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
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

@QuarkusTest
class ReservationUnresolvedTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(30);
    private static final String UNRESOLVED = RuleName.RESERVATION_UNRESOLVED.id();

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
    void aReservationOpenForThreeWeeksWhileQualifyingIsRaisedUntilResolved() {
        UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant(), null, "QUALIFYING");
        UUID reservation = feed.reservationRaised(owner, sam, "ME", "CONFIDENTIALITY", clock.instant());
        await().atMost(ARRIVAL).until(() -> "OPEN".equals(status(reservation)));

        clock.advance(Duration.ofDays(20).plusHours(23));
        rules.sweep();
        assertThat(notifications()).isEmpty();
        clock.advance(Duration.ofHours(2));
        rules.sweep();
        rules.sweep();
        assertThat(notifications()).singleElement().satisfies(n -> {
            assertThat(n.subjectId).isEqualTo(reservation);
            assertThat(n.title).isEqualTo("Unresolved reservation: Sam Carter");
            assertThat(n.message).isEqualTo("Your reservation about Sam Carter's confidentiality has been open for 21 days while you "
                    + "weigh them up as a referral partner. Talk it through with Sam Carter, then resolve or confirm it.");
            assertThat(n.link).isEqualTo("/contacts/" + sam + "/reservations/" + reservation);
        });

        feed.reservationSettled(owner, reservation, sam, "RESOLVED", clock.instant());
        await().atMost(ARRIVAL).until(() -> open().isEmpty());
        clock.advance(Duration.ofDays(30));
        rules.sweep();
        assertThat(open()).isEmpty();
    }

    @Test
    void itHoldsOnlyWhileTheContactIsQualifying() {
        UUID sam = feed.contactCreated(owner, "Sam Carter", clock.instant(), null, "EXPLORING");
        UUID reservation = feed.reservationRaised(owner, sam, "THEM", "REACH", clock.instant());
        await().atMost(ARRIVAL).until(() -> "OPEN".equals(status(reservation)));
        clock.advance(Duration.ofDays(22));
        rules.sweep();
        assertThat(notifications()).isEmpty();

        feed.stageChanged(owner, sam, "EXPLORING", "QUALIFYING", clock.instant());
        await().atMost(ARRIVAL).until(() -> open().size() == 1);
        assertThat(open()).singleElement().satisfies(n -> assertThat(n.message).isEqualTo("Sam Carter's reservation about your reach "
                + "has been open for 22 days while you weigh each other up as referral partners. Address it with Sam Carter, then resolve "
                + "or confirm it."));

        feed.stageChanged(owner, sam, "QUALIFYING", "PARTNER", clock.instant());
        await().atMost(ARRIVAL).until(() -> open().isEmpty());
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
        assertThat(open()).extracting(n -> n.subjectId).containsExactlyInAnyOrder(confirmed, other);
        assertThat(open()).filteredOn(n -> n.subjectId.equals(other)).singleElement()
                .satisfies(n -> assertThat(n.message).startsWith("Your reservation about Lee Park has been open for 22 days"));

        feed.reservationSettled(owner, confirmed, sam, "CONFIRMED", clock.instant());
        feed.contactDeleted(owner, lee, clock.instant());
        await().atMost(ARRIVAL).until(() -> open().isEmpty());
        assertThat(notifications()).hasSize(2).allMatch(n -> n.status == Notification.Status.RESOLVED);

        feed.contactErased(owner, lee, clock.instant());
        await().atMost(ARRIVAL).until(() -> notifications().size() == 1);
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
        assertThat(notifications()).isEmpty();
        clock.advance(Duration.ofDays(2));
        rules.sweep();
        assertThat(notifications()).singleElement().satisfies(n -> assertThat(n.message).contains("open for 8 days"));
        clock.advance(Duration.ofDays(30));
        rules.sweep();
        assertThat(notificationsOf(another)).isEmpty();
    }

    private List<Notification> open() {
        return notifications().stream().filter(n -> n.status == Notification.Status.OPEN).toList();
    }

    private List<Notification> notifications() {
        return notificationsOf(owner);
    }

    private List<Notification> notificationsOf(UUID ownerId) {
        return QuarkusTransaction.requiringNew().call(() -> Notification.<Notification>list(
                "ownerId = ?1 and rule = ?2 order by createdAt", ownerId, UNRESOLVED));
    }

    private String status(UUID reservation) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("select max(status) from reservation_activity where reservation_id = ?1")
                .setParameter(1, reservation).getSingleResult());
    }
}
