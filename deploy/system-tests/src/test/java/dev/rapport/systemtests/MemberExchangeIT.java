package dev.rapport.systemtests;

import static dev.rapport.systemtests.Deployment.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The README's fourth walk-through: two members of Rapport, alice and bob (real Keycloak
 * tokens), link their records through the edge; a referral alice gives bob appears in bob's
 * ledger, bob wins it with a value and thanks her, alice's copy follows, both balances move,
 * and an unlink ends the sharing.
 */
class MemberExchangeIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void aReferralGoesFromAliceToLinkedBobWhoWinsItAndBothBalancesMove() {
        unlinkEverything("alice");
        unlinkEverything("bob");
        String bobForAlice = contact("alice", "Bob Baker");
        String aliceForBob = contact("bob", "Alice Archer");

        String code = patiently(() -> as("alice").contentType(ContentType.JSON)
                .body("{\"partnerId\": \"" + bobForAlice + "\"}").post("/link-invitations")).path("code");
        String link = patiently(() -> as("bob").contentType(ContentType.JSON)
                .body("{\"code\": \"%s\", \"partnerId\": \"%s\"}".formatted(code, aliceForBob)).post("/links")).path("id");
        as("alice").get("/links/" + link).then().statusCode(200).body("partnerId", equalTo(bobForAlice));

        Instant occurredAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String given = as("alice").contentType(ContentType.JSON).body("""
                {"direction": "GIVEN", "partnerId": "%s", "referredName": "Jo Patel", "referredCompany": "Patel Design",
                 "need": "Bookkeeping for a new design studio", "warmth": 4, "occurredAt": "%s", "notes": "Only for me"}"""
                .formatted(bobForAlice, occurredAt)).post("/referrals").then().statusCode(201).extract().path("id");

        String[] copy = new String[1];
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<String> ids = as("bob").get("/referrals?direction=RECEIVED&partnerId=" + aliceForBob).path("items.id");
            assertThat(ids).hasSize(1);
            copy[0] = ids.get(0);
        });
        as("bob").get("/referrals/" + copy[0]).then().statusCode(200)
                .body("referredName", equalTo("Jo Patel")).body("need", equalTo("Bookkeeping for a new design studio"))
                .body("status", equalTo("OPEN")).body("linkId", equalTo(link)).body("notes", equalTo(null));

        move(copy[0], "{\"to\": \"CONTACTED\", \"note\": \"Called Jo\"}");
        move(copy[0], "{\"to\": \"WON\", \"value\": {\"amount\": \"1200.00\", \"currency\": \"EUR\"}}");
        as("bob").contentType(ContentType.JSON).body("{\"note\": \"Thank you, Alice\"}").post("/referrals/" + copy[0] + "/thanks")
                .then().statusCode(200);
        await().atMost(PATIENCE).untilAsserted(() -> as("alice").get("/referrals/" + given).then().statusCode(200)
                .body("status", equalTo("WON")).body("value.amount", equalTo("1200.00")).body("thankedAt", notNullValue()));

        as("alice").get("/partners/" + bobForAlice + "/balance").then().statusCode(200)
                .body("given", equalTo(1)).body("wonGiven[0].amount", equalTo("1200.00")).body("wonGiven[0].currency", equalTo("EUR"));
        as("bob").get("/partners/" + aliceForBob + "/balance").then().statusCode(200)
                .body("received", equalTo(1)).body("wonReceived[0].amount", equalTo("1200.00"));

        as("alice").delete("/links/" + link).then().statusCode(204);
        as("bob").get("/links/" + link).then().statusCode(404);
        as("bob").get("/referrals/" + copy[0]).then().statusCode(200).body("status", equalTo("WON"));
    }

    private static void unlinkEverything(String user) {
        for (String id : as(user).get("/links?limit=200").then().statusCode(200).extract().jsonPath().getList("items.id", String.class)) {
            as(user).delete("/links/" + id).then().statusCode(204);
        }
    }

    private static String contact(String user, String name) {
        return as(user).contentType(ContentType.JSON).body("{\"name\": \"" + name + "\"}").post("/contacts")
                .then().statusCode(201).extract().path("id");
    }

    private static void move(String referral, String body) {
        as("bob").contentType(ContentType.JSON).body(body).post("/referrals/" + referral + "/status").then().statusCode(200);
    }

    /** The request's 201, once referrals-service knows the contact it names (422 until its event arrived). */
    private static Response patiently(java.util.function.Supplier<Response> request) {
        Response[] answer = new Response[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
            answer[0] = request.get();
            assertThat(answer[0].statusCode()).as(answer[0].asString()).isIn(201, 422);
            return answer[0].statusCode() == 201;
        });
        return answer[0];
    }
}
