package dev.rapport.referrals.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.testing.Tokens;
import dev.rapport.referrals.ContactFeed;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

@QuarkusTest
class ReferralLifecycleTest {

    @Inject
    ContactFeed contacts;
    @Inject
    Clock clock;

    @Test
    void aReferralGoesFromOpenToWonEachStepAnEntryWithTimeAuthorAndNote() {
        Instant start = clock.instant().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
        String id = referral("alice", "RECEIVED", start);
        String etag = move("alice", id, etagOf("alice", id), "{\"to\": \"CONTACTED\", \"at\": \"%s\", \"note\": \"Called Jo\"}"
                .formatted(start.plus(Duration.ofDays(1))))
                .then().statusCode(200).body("status", equalTo("CONTACTED"))
                .body("statusAt", equalTo(start.plus(Duration.ofDays(1)).toString())).extract().header("ETag");
        etag = move("alice", id, etag, "{\"to\": \"MEETING\"}").then().statusCode(200).extract().header("ETag");
        move("alice", id, etag, "{\"to\": \"WON\", \"value\": {\"amount\": \"1200.5\", \"currency\": \"EUR\"}, \"note\": \"A year of books\"}")
                .then().statusCode(200)
                .header("ETag", not(equalTo(etag)))
                .body("status", equalTo("WON"))
                .body("value.amount", equalTo("1200.50"))
                .body("value.currency", equalTo("EUR"));

        as("alice").get("/referrals/" + id + "/history")
                .then().statusCode(200)
                .body("nextCursor", nullValue())
                .body("items.seq", contains(1, 2, 3, 4))
                .body("items.kind", contains("STATUS", "STATUS", "STATUS", "STATUS"))
                .body("items.status", contains("OPEN", "CONTACTED", "MEETING", "WON"))
                .body("items.note", contains(null, "Called Jo", null, "A year of books"))
                .body("items.authorId", contains(alice(), alice(), alice(), alice()))
                .body("items[0].at", equalTo(start.toString()))
                .body("items[1].at", equalTo(start.plus(Duration.ofDays(1)).toString()))
                .body("items[3].value.currency", equalTo("EUR"))
                .body("items[3].recordedAt", notNullValue());
    }

    @Test
    void illegalMovesAnswer409NamingTheAllowedStatusesAndChangeNothing() {
        String id = referral("alice", "GIVEN", clock.instant().minusSeconds(600));
        move("alice", id, null, "{\"to\": \"MEETING\"}")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/illegal-status-change"))
                .body("detail", equalTo("A referral that is OPEN cannot become MEETING; allowed: CONTACTED, LOST, DECLINED"));
        move("alice", id, null, "{\"to\": \"OPEN\"}").then().statusCode(409);
        move("alice", id, null, "{\"to\": \"DECLINED\"}").then().statusCode(200);
        move("alice", id, null, "{\"to\": \"CONTACTED\"}")
                .then().statusCode(409).body("detail", containsString("allowed: none"));
        as("alice").get("/referrals/" + id + "/history").then().body("items.status", contains("OPEN", "DECLINED"));
    }

    @Test
    void everyChangeHonoursIfMatch() {
        String id = referral("alice", "RECEIVED", clock.instant().minusSeconds(600));
        String etag = etagOf("alice", id);
        String next = move("alice", id, etag, "{\"to\": \"CONTACTED\"}").then().statusCode(200).extract().header("ETag");
        move("alice", id, etag, "{\"to\": \"WON\", \"value\": {\"amount\": \"10\", \"currency\": \"GBP\"}}")
                .then().statusCode(412).body("type", equalTo("https://rapport.dev/problems/precondition-failed"));
        next = move("alice", id, next, "{\"to\": \"WON\", \"value\": {\"amount\": \"10\", \"currency\": \"GBP\"}}")
                .then().statusCode(200).extract().header("ETag");
        post("alice", id, "thanks", etag, "{}").then().statusCode(412);
        next = post("alice", id, "thanks", next, "{}").then().statusCode(200).extract().header("ETag");
        post("alice", id, "reversal", etag, "{}").then().statusCode(412);
        post("alice", id, "reversal", next, "{}").then().statusCode(200);
        as("alice").get("/referrals/" + id + "/history").then().body("items.kind", contains("STATUS", "STATUS", "STATUS", "THANKED", "REVERSAL"));
    }

    @Test
    void concurrentChangesOfOneReferralLetExactlyOneThrough() throws Exception {
        String id = referral("alice", "GIVEN", clock.instant().minusSeconds(600));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> move("alice", id, null, "{\"to\": \"CONTACTED\"}").statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(30, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsOnlyOnce(200).filteredOn(status -> status != 200).containsOnly(409);
        } finally {
            pool.shutdownNow();
        }
        as("alice").get("/referrals/" + id + "/history").then().body("items.status", contains("OPEN", "CONTACTED"));
    }

    @Test
    void aReversalUndoesTheLatestStatusAndItsValueAndNothingElse() {
        String id = referral("alice", "GIVEN", clock.instant().minusSeconds(600));
        move("alice", id, null, "{\"to\": \"CONTACTED\"}").then().statusCode(200);
        move("alice", id, null, "{\"to\": \"WON\", \"value\": {\"amount\": \"500\", \"currency\": \"USD\"}}").then().statusCode(200);
        post("alice", id, "reversal", null, "{\"note\": \"Was the other referral\"}")
                .then().statusCode(200).body("status", equalTo("CONTACTED")).body("value", nullValue());
        move("alice", id, null, "{\"to\": \"WON\", \"value\": {\"amount\": \"450\", \"currency\": \"USD\"}}")
                .then().statusCode(200).body("value.amount", equalTo("450.00"));
        post("alice", id, "reversal", null, null).then().statusCode(200).body("status", equalTo("CONTACTED"));
        post("alice", id, "reversal", null, null).then().statusCode(200).body("status", equalTo("OPEN"));
        post("alice", id, "reversal", null, null)
                .then().statusCode(409).body("type", equalTo("https://rapport.dev/problems/nothing-to-reverse"));

        as("alice").get("/referrals/" + id + "/history")
                .then().statusCode(200)
                .body("items.kind", contains("STATUS", "STATUS", "STATUS", "REVERSAL", "STATUS", "REVERSAL", "REVERSAL"))
                .body("items.status", contains("OPEN", "CONTACTED", "WON", "CONTACTED", "WON", "CONTACTED", "OPEN"))
                .body("items.reversesSeq", contains(null, null, null, 3, null, 5, 2))
                .body("items.collect { it.value?.amount }", contains(null, null, "500.00", "-500.00", "450.00", "-450.00", null))
                .body("items[3].note", equalTo("Was the other referral"));
    }

    @Test
    void thanksAreForAWonReferralReceivedOnce() {
        String given = referral("alice", "GIVEN", clock.instant().minusSeconds(600));
        move("alice", given, null, "{\"to\": \"CONTACTED\"}").then().statusCode(200);
        move("alice", given, null, "{\"to\": \"WON\", \"value\": {\"amount\": \"80\", \"currency\": \"EUR\"}}").then().statusCode(200);
        post("alice", given, "thanks", null, null)
                .then().statusCode(409).body("type", equalTo("https://rapport.dev/problems/cannot-thank"));

        String received = referral("alice", "RECEIVED", clock.instant().minusSeconds(600));
        post("alice", received, "thanks", null, null).then().statusCode(409);
        move("alice", received, null, "{\"to\": \"CONTACTED\"}").then().statusCode(200);
        move("alice", received, null, "{\"to\": \"WON\", \"value\": {\"amount\": \"80\", \"currency\": \"EUR\"}}").then().statusCode(200);
        post("alice", received, "thanks", null, "{\"note\": \"Lunch at Rosa's\"}")
                .then().statusCode(200).body("thankedAt", notNullValue()).body("status", equalTo("WON"));
        post("alice", received, "thanks", null, null).then().statusCode(409).body("detail", containsString("was thanked for at"));
        as("alice").get("/referrals/" + received + "/history")
                .then().body("items.kind", contains("STATUS", "STATUS", "STATUS", "THANKED"))
                .body("items[3].note", equalTo("Lunch at Rosa's"));
    }

    @Test
    void badInputAnswers400ProblemsAndChangesNothing() {
        String id = referral("alice", "RECEIVED", clock.instant().minusSeconds(600));
        move("alice", id, null, "{\"to\": \"CONTACTED\"}").then().statusCode(200);
        String etag = etagOf("alice", id);
        for (String[] bad : new String[][] {
                { "{\"to\": \"WON\"}", "value" },
                { "{\"to\": \"WON\", \"value\": {\"amount\": \"-5\", \"currency\": \"EUR\"}}", "value.amount" },
                { "{\"to\": \"WON\", \"value\": {\"amount\": \"5\", \"currency\": \"EURO\"}}", "value.currency" },
                { "{\"to\": \"WON\", \"value\": {\"amount\": \"5\", \"currency\": \"QQQ\"}}", "value.currency" },
                { "{\"to\": \"WON\", \"value\": {\"amount\": \"5.123\", \"currency\": \"EUR\"}}", "value.amount" },
                { "{\"to\": \"WON\", \"value\": {\"amount\": 5, \"currency\": \"EUR\"}}", "value.amount" },
                { "{\"to\": \"WON\", \"value\": {\"amount\": \"1e3\", \"currency\": \"EUR\"}}", "value.amount" },
                { "{\"to\": \"WON\", \"value\": {\"amount\": \"5\", \"currency\": \"EUR\", \"fx\": 1}}", "value.fx" },
                { "{\"to\": \"MEETING\", \"value\": {\"amount\": \"5\", \"currency\": \"EUR\"}}", "value" },
                { "{\"to\": \"SIGNED\"}", "to" },
                { "{\"to\": \"MEETING\", \"at\": \"%s\"}".formatted(clock.instant().plusSeconds(600)), "at" },
                { "{\"to\": \"MEETING\", \"at\": \"2001-01-01T00:00:00Z\"}", "at" },
                { "{\"to\": \"MEETING\", \"note\": \"%s\"}".formatted("x".repeat(2001)), "note" } }) {
            move("alice", id, null, bad[0])
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(bad[1]));
        }
        as("alice").get("/referrals/" + id).then().header("ETag", equalTo(etag)).body("status", equalTo("CONTACTED"));
        as("alice").get("/referrals/" + id + "/history").then().body("items", hasSize(2));
    }

    @Test
    void anotherUsersReferralCannotBeChangedOrRead() {
        String id = referral("alice", "RECEIVED", clock.instant().minusSeconds(600));
        move("bob", id, null, "{\"to\": \"CONTACTED\"}").then().statusCode(404).contentType("application/problem+json");
        post("bob", id, "reversal", null, null).then().statusCode(404);
        post("bob", id, "thanks", null, null).then().statusCode(404);
        as("bob").get("/referrals/" + id + "/history").then().statusCode(404);
        given().get("/referrals/" + id + "/history").then().statusCode(401);
        as("alice").get("/referrals/" + id + "/history").then().statusCode(200).body("items", hasSize(1));
    }

    private String referral(String user, String direction, Instant occurredAt) {
        UUID partner = contacts.contactOf(user, "Sam Carter");
        String location = as(user).contentType(ContentType.JSON)
                .body("""
                        {"direction": "%s", "partnerId": "%s", "referredName": "Jo Patel", "occurredAt": "%s"}"""
                        .formatted(direction, partner, occurredAt))
                .post("/referrals")
                .then().statusCode(201).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static String etagOf(String user, String id) {
        return as(user).get("/referrals/" + id).then().statusCode(200).extract().header("ETag");
    }

    private static Response move(String user, String id, String ifMatch, String body) {
        return post(user, id, "status", ifMatch, body);
    }

    private static Response post(String user, String id, String action, String ifMatch, String body) {
        RequestSpecification request = as(user).contentType(ContentType.JSON);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (body != null) {
            request.body(body);
        }
        return request.post("/referrals/" + id + "/" + action);
    }

    private static String alice() {
        return Tokens.subjectOf("alice");
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }
}
