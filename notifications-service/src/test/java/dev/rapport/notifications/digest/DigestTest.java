package dev.rapport.notifications.digest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.rapport.notifications.MutableClock;
import dev.rapport.notifications.notification.Notification;
import dev.rapport.notifications.notification.NotificationContent;
import dev.rapport.notifications.notification.Notifications;
import dev.rapport.notifications.notification.Threshold;
import dev.rapport.platform.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

@QuarkusTest
class DigestTest {

    private static final DigestSettings DAILY_AT_EIGHT_UTC = new DigestSettings(true, DigestSettings.Frequency.DAILY, "08:00", "UTC",
            DayOfWeek.MONDAY);

    @Inject
    Digests digests;

    @Inject
    Notifications notifications;

    @Inject
    MutableClock clock;

    private final UUID owner = UUID.randomUUID();

    @Test
    void aDailyDigestCountsWhatIsOpenByRuleSupersedesTheLastOneAndStaysQuietWhenNothingIsOpen() {
        digests.replace(owner, null, DAILY_AT_EIGHT_UTC);
        UUID sam = UUID.randomUUID();
        UUID kim = UUID.randomUUID();
        UUID lee = UUID.randomUUID();
        raise("relationship.stalled", sam);
        raise("relationship.stalled", kim);
        raise("referral.unreturned", lee);
        untilNextDigest();
        assertThat(digests.sendDue()).isPositive();

        Notification first = openDigest();
        assertThat(first.title).isEqualTo("Your daily digest: 3 things need you");
        assertThat(first.message).isEqualTo("Open: 2 stalled relationships, 1 partner with unreturned referrals. All are new since yesterday.");
        assertThat(first.link).isEqualTo("/notifications?status=OPEN");
        assertThat(first.subjectId).isEqualTo(owner);
        digests.sendDue();
        assertThat(digestsOf(owner)).as("not again before its time").hasSize(1);

        untilNextDigest();
        digests.sendDue();
        Notification second = openDigest();
        assertThat(second.id).isNotEqualTo(first.id);
        assertThat(second.message).endsWith("Nothing new since yesterday.");
        assertThat(digestsOf(owner)).filteredOn(n -> n.id.equals(first.id)).singleElement()
                .satisfies(n -> assertThat(n.status).isEqualTo(Notification.Status.RESOLVED));

        QuarkusTransaction.requiringNew().run(() -> List.of(sam, kim).forEach(id -> notifications.resolve(owner, "relationship.stalled", id)));
        QuarkusTransaction.requiringNew().run(() -> notifications.resolve(owner, "referral.unreturned", lee));
        untilNextDigest();
        digests.sendDue();
        assertThat(digestsOf(owner)).as("nothing open, no digest").allMatch(n -> n.status == Notification.Status.RESOLVED).hasSize(2);
    }

    @Test
    void turningTheDigestOffResolvesTheOpenOneAndSendsNoMore() {
        digests.replace(owner, null, DAILY_AT_EIGHT_UTC);
        raise("relationship.stalled", UUID.randomUUID());
        untilNextDigest();
        digests.sendDue();
        assertThat(openDigest()).isNotNull();

        DigestSettings off = new DigestSettings(false, DigestSettings.Frequency.DAILY, "08:00", "UTC", DayOfWeek.MONDAY);
        digests.replace(owner, "\"" + digests.get(owner).version() + "\"", off);
        assertThat(digestsOf(owner)).allMatch(n -> n.status == Notification.Status.RESOLVED);
        clock.advance(Duration.ofDays(2));
        digests.sendDue();
        assertThat(digestsOf(owner)).hasSize(1);
    }

    @Test
    void theSettingsAreTheCallersAndBadOnesChangeNothing() {
        String etag = as("bob").get("/settings/digest").then().statusCode(200).extract().header("ETag");
        as("bob").contentType(ContentType.JSON).body("""
                {"enabled": true, "frequency": "WEEKLY", "at": "08:00", "timeZone": "Mars/Olympus", "weekday": "MONDAY"}""")
                .put("/settings/digest").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("timeZone"));
        as("bob").contentType(ContentType.JSON).body("""
                {"enabled": true, "frequency": "WEEKLY", "at": "8am", "timeZone": "Europe/Berlin", "weekday": "MONDAY"}""")
                .put("/settings/digest").then().statusCode(400).body("errors[0].field", equalTo("at"));
        as("bob").contentType(ContentType.JSON).body("""
                {"enabled": true, "frequency": "HOURLY", "at": "08:00", "timeZone": "Europe/Berlin", "weekday": "MONDAY"}""")
                .put("/settings/digest").then().statusCode(400).body("errors[0].field", equalTo("frequency"));
        as("bob").get("/settings/digest").then().header("ETag", etag);

        as("bob").header("If-Match", "\"999999\"").contentType(ContentType.JSON).body(DigestResource.EXAMPLE)
                .put("/settings/digest").then().statusCode(412);
        String changed = as("bob").header("If-Match", etag).contentType(ContentType.JSON).body(DigestResource.EXAMPLE)
                .put("/settings/digest").then().statusCode(200).body("frequency", equalTo("WEEKLY"))
                .body("timeZone", equalTo("Europe/Berlin")).extract().header("ETag");
        assertThat(changed).isNotEqualTo(etag);
        as("alice").get("/settings/digest").then().statusCode(200).header("ETag", org.hamcrest.Matchers.not(changed));
        given().get("/settings/digest").then().statusCode(401);
    }

    private void raise(String rule, UUID subject) {
        QuarkusTransaction.requiringNew().run(() -> notifications.open(owner, rule, subject, Threshold.DUE,
                new NotificationContent("Someone", "Title", "Message.", "/contacts/" + subject)));
    }

    private void untilNextDigest() {
        Instant now = clock.instant();
        clock.advance(Duration.between(now, DigestSchedule.nextAfter(DAILY_AT_EIGHT_UTC, now)));
    }

    private Notification openDigest() {
        return digestsOf(owner).stream().filter(n -> n.status == Notification.Status.OPEN).findFirst().orElse(null);
    }

    private static List<Notification> digestsOf(UUID ownerId) {
        return QuarkusTransaction.requiringNew().call(() -> Notification.<Notification>list("ownerId = ?1 and rule = ?2 order by createdAt",
                ownerId, Digests.RULE));
    }

    private static io.restassured.specification.RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }
}
