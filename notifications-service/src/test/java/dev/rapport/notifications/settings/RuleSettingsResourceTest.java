package dev.rapport.notifications.settings;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.rapport.notifications.Feed;
import dev.rapport.notifications.MutableClock;
import dev.rapport.notifications.notification.Notification;
import dev.rapport.notifications.rules.RuleName;
import dev.rapport.notifications.rules.Rules;
import dev.rapport.platform.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** Uses bob, whose settings no other test changes. */
@QuarkusTest
class RuleSettingsResourceTest {

    @Inject
    Rules rules;

    @Inject
    MutableClock clock;

    private final Feed feed = new Feed();

    @AfterEach
    void close() {
        feed.close();
    }

    /** The configured defaults, as a whole document. */
    private static final String DEFAULTS = """
            {"referralUnreturned": {"enabled": true, "minCount": 2, "after": "P60D"},
             "referralUnacknowledged": {"enabled": true, "after": "P2D"},
             "referralWon": {"enabled": true, "thankGiver": true, "celebrateGiven": true},
             "relationshipStalled": {"enabled": true, "ownCadenceOverdueFactor": 1.5, "stages": {
                "prospect": {"due": "P30D", "overdue": "P60D"}, "invited": {"due": "P7D", "overdue": "P14D"},
                "exploring": {"due": "P14D", "overdue": "P30D"}, "qualifying": {"due": "P14D", "overdue": "P21D"},
                "partner": {"due": "P30D", "overdue": "P45D"}}},
             "relationshipDormant": {"enabled": true, "after": "P365D"},
             "eventFollowUp": {"enabled": true, "after": "P3D"},
             "meetingNoResponse": {"enabled": true, "after": "P7D"},
             "meetingAskWhoTheyKnow": {"enabled": true, "askInDiscovery": true, "contactNamesWithin": "P7D"},
             "reservationUnresolved": {"enabled": true, "after": "P21D"}}""";

    @Test
    void theDefaultsAreAnsweredUntilChanged() {
        given().auth().oauth2(Tokens.of("admin")).get("/settings/rules").then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("relationshipStalled.stages.partner.due", equalTo("P30D"))
                .body("relationshipStalled.stages.partner.overdue", equalTo("P45D"))
                .body("relationshipStalled.stages.qualifying.overdue", equalTo("P21D"))
                .body("relationshipStalled.stages.exploring.overdue", equalTo("P30D"))
                .body("relationshipStalled.ownCadenceOverdueFactor", equalTo(1.5f))
                .body("referralUnreturned.after", equalTo("P60D"))
                .body("referralUnacknowledged.after", equalTo("P2D"))
                .body("referralWon.thankGiver", equalTo(true))
                .body("referralWon.celebrateGiven", equalTo(true))
                .body("relationshipDormant.after", equalTo("P365D"))
                .body("eventFollowUp.after", equalTo("P3D"))
                .body("meetingNoResponse.after", equalTo("P7D"))
                .body("meetingAskWhoTheyKnow.askInDiscovery", equalTo(true))
                .body("meetingAskWhoTheyKnow.contactNamesWithin", equalTo("P7D"))
                .body("reservationUnresolved.after", equalTo("P21D"));
    }

    @Test
    void settingsCanBeReadChangedAndTakeEffectAtOnce() {
        String token = Tokens.of("bob");
        UUID bob = UUID.fromString(Tokens.subjectOf("bob"));
        String etag = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(DEFAULTS)
                .put("/settings/rules")
                .then().statusCode(200).extract().header("ETag");

        UUID kim = feed.contactCreated(bob, "Kim Settings", clock.instant());
        await().atMost(Duration.ofSeconds(30)).until(() -> stallDue(kim) != null);

        String changed = given().auth().oauth2(token).header("If-Match", etag).contentType("application/merge-patch+json")
                .body("{\"relationshipStalled\": {\"stages\": {\"prospect\": {\"due\": \"PT10S\"}}}}")
                .patch("/settings/rules")
                .then().statusCode(200)
                .body("relationshipStalled.stages.prospect.due", equalTo("PT10S"))
                .body("relationshipStalled.stages.prospect.overdue", equalTo("P60D"))
                .body("referralUnreturned.after", equalTo("P60D"))
                .extract().header("ETag");
        assertThat(changed).isNotEqualTo(etag);

        clock.advance(Duration.ofSeconds(11));
        rules.sweep();
        assertThat(QuarkusTransaction.requiringNew().call(() -> Notification.count("subjectId = ?1 and rule = ?2", kim, RuleName.RELATIONSHIP_STALLED.id())))
                .isEqualTo(1);

        given().auth().oauth2(token).header("If-Match", etag).contentType("application/merge-patch+json")
                .body("{\"relationshipStalled\": {\"enabled\": false}}")
                .patch("/settings/rules").then().statusCode(412);
        given().auth().oauth2(token).get("/settings/rules").then().statusCode(200)
                .header("ETag", equalTo(changed))
                .body("relationshipStalled.enabled", equalTo(true));
    }

    @Test
    void badSettingsAnswer400AndChangeNothing() {
        String token = Tokens.of("bob");
        String before = given().auth().oauth2(token).get("/settings/rules").then().statusCode(200).extract().asString();
        given().auth().oauth2(token).contentType("application/merge-patch+json")
                .body("{\"relationshipStalled\": {\"stages\": {\"partner\": {\"due\": \"30 days\"}}}, \"referralUnreturned\": {\"minCount\": 0}}")
                .patch("/settings/rules")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("relationshipStalled.stages.partner.due"))
                .body("errors.field", hasItem("referralUnreturned.minCount"));
        given().auth().oauth2(token).contentType("application/merge-patch+json")
                .body("{\"relationshipStalled\": {\"stages\": {\"partner\": {\"due\": \"PT0S\"}}}}")
                .patch("/settings/rules")
                .then().statusCode(400).body("errors[0].field", equalTo("relationshipStalled.stages.partner.due"));
        given().auth().oauth2(token).contentType("application/merge-patch+json")
                .body("{\"relationshipStalled\": {\"stages\": {\"qualifying\": {\"due\": \"P21D\", \"overdue\": \"P14D\"}}}}")
                .patch("/settings/rules")
                .then().statusCode(400).body("errors[0].field", equalTo("relationshipStalled.stages.qualifying.overdue"));
        given().auth().oauth2(token).contentType("application/merge-patch+json")
                .body("{\"relationshipStalled\": {\"ownCadenceOverdueFactor\": 1}}")
                .patch("/settings/rules")
                .then().statusCode(400).body("errors[0].field", equalTo("relationshipStalled.ownCadenceOverdueFactor"));
        given().auth().oauth2(token).contentType("application/merge-patch+json")
                .body("{\"relationshipStalled\": {\"sometimes\": true}}")
                .patch("/settings/rules")
                .then().statusCode(400).body("errors[0].field", equalTo("relationshipStalled.sometimes"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(DEFAULTS.replace("\"referralWon\": {\"enabled\": true, \"thankGiver\": true, \"celebrateGiven\": true},", ""))
                .put("/settings/rules")
                .then().statusCode(400).body("errors[0].field", equalTo("referralWon"));
        given().auth().oauth2(token).contentType("application/merge-patch+json")
                .body("{\"referralUnacknowledged\": {\"after\": \"P4000D\"}, \"referralWon\": {\"thankGiver\": \"yes\"}}")
                .patch("/settings/rules")
                .then().statusCode(400);
        String after = given().auth().oauth2(token).get("/settings/rules").then().extract().asString();
        assertThat(after).isEqualTo(before);
        given().get("/settings/rules").then().statusCode(401);
    }

    private Object stallDue(UUID contact) {
        return QuarkusTransaction.requiringNew().call(() -> Notification.getEntityManager()
                .createNativeQuery("select due_at from rule_subject where subject_id = ?1 and rule = 'relationship.stalled'")
                .setParameter(1, contact).getResultList().stream().findFirst().orElse(null));
    }
}
