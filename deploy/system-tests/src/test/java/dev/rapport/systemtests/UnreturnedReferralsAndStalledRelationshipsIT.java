package dev.rapport.systemtests;

import static dev.rapport.systemtests.Deployment.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The headline, end to end across the four running services: unreturned referrals and a
 * stalled relationship reach the inbox and a signed webhook, once each, also across a restart
 * of notifications-service; another user sees none of it.
 */
class UnreturnedReferralsAndStalledRelationshipsIT {

    private static final Duration UNRETURNED_AFTER = Duration.ofSeconds(3);
    private static final Duration CADENCE = Duration.ofSeconds(8);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static WebhookReceiver receiver;
    private static String webhookId;

    @BeforeAll
    static void subscribe() throws Exception {
        receiver = new WebhookReceiver();
        Response created = as("alice").contentType(ContentType.JSON)
                .body("{\"url\": \"%s\", \"eventTypes\": [\"rapport.notification.*\", \"rapport.referral.given.v1\"], \"description\": \"system test\"}"
                        .formatted(receiver.url()))
                .post("/webhooks");
        created.then().statusCode(201);
        webhookId = created.path("id");
        receiver.trust(created.path("secret"));
    }

    @AfterAll
    static void cleanUp() {
        as("alice").delete("/webhooks/" + webhookId).then().statusCode(204);
        as("alice").contentType(ContentType.JSON).body(DEFAULT_SETTINGS).put("/settings/rules").then().statusCode(200);
        receiver.close();
    }

    @Test
    void aliceIsToldOnceAboutUnreturnedReferralsAndAStalledRelationship() {
        as("alice").contentType(ContentType.JSON).body(settings("PT" + UNRETURNED_AFTER.toSeconds() + "S", "PT" + CADENCE.toSeconds() + "S", "P1D"))
                .put("/settings/rules").then().statusCode(200);

        String sam = as("alice").contentType(ContentType.JSON)
                .body("{\"name\": \"Sam Carter\", \"company\": \"Carter & Co\", \"source\": \"MET_AT_EVENT\"}")
                .post("/contacts").then().statusCode(201).extract().path("id");

        // The referrals service learns about Sam from his event: until then it does not know him.
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> giveReferral(sam, "Jo Bloggs").statusCode() == 201);
        Instant secondGiven = Instant.now();
        giveReferral(sam, "Ann Other").then().statusCode(201);

        // Pipeline latency: referral POST → outbox → Kafka → notifications-service → signed webhook.
        await().atMost(PATIENCE).until(() -> deliveries("rapport.referral.given.v1", "partnerId", sam).size() == 2);
        Instant givenArrived = deliveries("rapport.referral.given.v1", "partnerId", sam).get(1).arrivedAt();

        await().atMost(PATIENCE).until(() -> created("referral.unreturned", sam).size() == 1);
        Instant unreturnedArrived = created("referral.unreturned", sam).get(0).arrivedAt();
        await().atMost(PATIENCE).until(() -> created("relationship.stalled", sam).size() == 1);
        System.out.printf("E2E latency: referral POST → webhook of the domain event: %d ms; "
                + "→ referral.unreturned webhook: %d ms (of which D = %d ms)%n",
                Duration.between(secondGiven, givenArrived).toMillis(),
                Duration.between(secondGiven, unreturnedArrived).toMillis(), UNRETURNED_AFTER.toMillis());

        String stalledId = created("relationship.stalled", sam).get(0).data().path("notificationId").asText();
        as("alice").get("/notifications/" + stalledId).then().statusCode(200)
                .body("status", equalTo("OPEN")).body("subjectName", equalTo("Sam Carter"));

        // A restart of notifications-service raises nothing twice: sweeps after it find the
        // notifications open, and redelivered events are recognised.
        Deployment.restart("notifications-service");

        // A touchpoint with Sam resolves the stall and restarts its clock.
        Instant touched = Instant.now();
        as("alice").contentType(ContentType.JSON)
                .body("{\"contactId\": \"%s\", \"kind\": \"CALL\", \"occurredAt\": \"%s\", \"note\": \"Caught up\"}".formatted(sam, touched))
                .post("/touchpoints").then().statusCode(201);
        await().atMost(PATIENCE).until(() -> resolved(stalledId).size() == 1);
        as("alice").get("/notifications/" + stalledId).then().statusCode(200).body("status", equalTo("RESOLVED"));
        await().atMost(PATIENCE).until(() -> created("relationship.stalled", sam).size() == 2);
        Instant secondStall = created("relationship.stalled", sam).get(1).arrivedAt();
        assertThat(Duration.between(touched, secondStall)).as("the clock restarted at the touchpoint").isGreaterThanOrEqualTo(CADENCE);

        assertThat(created("referral.unreturned", sam)).as("one referral.unreturned for Sam, across the restart").hasSize(1);
        assertThat(receiver.deliveries().stream().map(WebhookReceiver.Delivery::id).distinct().count())
                .as("no delivery twice").isEqualTo(receiver.deliveries().size());
        assertThat(receiver.refused()).as("deliveries whose signature did not verify").isEmpty();

        // Bob sees nothing of Alice's.
        String unreturnedId = created("referral.unreturned", sam).get(0).data().path("notificationId").asText();
        as("bob").get("/notifications/" + unreturnedId).then().statusCode(404);
        as("bob").post("/notifications/" + unreturnedId + "/read").then().statusCode(404);
        as("bob").get("/contacts/" + sam).then().statusCode(404);
        List<String> bobsSubjects = as("bob").queryParam("limit", 200).queryParam("includeDismissed", true)
                .get("/notifications").then().statusCode(200).extract().path("items.subjectId");
        assertThat(bobsSubjects).doesNotContain(sam);
        as("alice").get("/notifications/" + unreturnedId).then().statusCode(200).body("rule", equalTo("referral.unreturned"));
    }

    private static Response giveReferral(String partnerId, String referredName) {
        return as("alice").contentType(ContentType.JSON)
                .body("{\"direction\": \"GIVEN\", \"partnerId\": \"%s\", \"referredName\": \"%s\", \"need\": \"bookkeeping\", \"occurredAt\": \"%s\"}"
                        .formatted(partnerId, referredName, Instant.now()))
                .post("/referrals");
    }

    private static List<WebhookReceiver.Delivery> created(String rule, String subjectId) {
        return deliveries("rapport.notification.created.v1", "subjectId", subjectId).stream()
                .filter(d -> d.data().path("rule").asText().equals(rule)).toList();
    }

    private static List<WebhookReceiver.Delivery> resolved(String notificationId) {
        return deliveries("rapport.notification.resolved.v1", "notificationId", notificationId);
    }

    private static List<WebhookReceiver.Delivery> deliveries(String type, String field, String value) {
        Predicate<WebhookReceiver.Delivery> matches = d -> d.type().equals(type) && d.data().path(field).asText().equals(value);
        return receiver.deliveries().stream().filter(matches).toList();
    }

    /** notifications-service's configured defaults, as one settings document. */
    private static final String DEFAULT_SETTINGS = """
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

    /** referral.unreturned after {@code after}; relationship.stalled due after {@code due} and overdue after {@code overdue} at every stage. */
    private static String settings(String after, String due, String overdue) {
        String stage = "{\"due\": \"%s\", \"overdue\": \"%s\"}".formatted(due, overdue);
        return """
                {"referralUnreturned": {"enabled": true, "minCount": 2, "after": "%s"},
                 "referralUnacknowledged": {"enabled": true, "after": "P2D"},
                 "referralWon": {"enabled": true, "thankGiver": true, "celebrateGiven": true},
                 "relationshipStalled": {"enabled": true, "ownCadenceOverdueFactor": 1.5, "stages": {
                    "prospect": %s, "invited": %s, "exploring": %s, "qualifying": %s, "partner": %s}},
                 "relationshipDormant": {"enabled": true, "after": "P365D"},
                 "eventFollowUp": {"enabled": true, "after": "P3D"},
                 "meetingNoResponse": {"enabled": true, "after": "P7D"},
                 "meetingAskWhoTheyKnow": {"enabled": true, "askInDiscovery": true, "contactNamesWithin": "P7D"},
                 "reservationUnresolved": {"enabled": true, "after": "P21D"}}"""
                .formatted(after, stage, stage, stage, stage, stage);
    }
}
