package dev.rapport.meetings.meeting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.rapport.meetings.TestClock;
import dev.rapport.meetings.TestContacts;
import dev.rapport.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

@QuarkusTest
class MeetingResourceTest {

    private static final String UNKNOWN_CONTACT = "https://rapport.dev/problems/unknown-contact";

    @Inject
    TestContacts contacts;

    @Inject
    TestClock clock;

    @AfterEach
    void unpinClock() {
        clock.unpin();
    }

    @Test
    void scheduleAnswers201WithLocationETagAndTheMeeting() {
        UUID sam = contacts.created("alice", "Sam Carter");
        Response created = as("alice").contentType(ContentType.JSON)
                .body("""
                        {"contactId": "%s", "stage": "DISCOVERY", "scheduledFor": "2026-12-01T09:30:00+01:00",
                         "location": "Café Rouge", "agenda": "Who is their ideal client?"}""".formatted(sam))
                .post("/one-to-ones")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/one-to-ones/[0-9a-f-]{36}"))
                .header("ETag", notNullValue())
                .body("contactId", equalTo(sam.toString()))
                .body("stage", equalTo("DISCOVERY"))
                .body("status", equalTo("SCHEDULED"))
                .body("scheduledFor", equalTo("2026-12-01T08:30:00Z"))
                .body("heldAt", nullValue())
                .body("createdAt", notNullValue())
                .extract().response();

        as("alice").get(created.header("Location"))
                .then().statusCode(200)
                .header("ETag", equalTo(created.header("ETag")))
                .body("location", equalTo("Café Rouge"));
    }

    @Test
    void invalidFieldsAnswer400ProblemListingEachField() {
        as("alice").contentType(ContentType.JSON)
                .body("{\"location\": \"%s\", \"agenda\": \"%s\"}".formatted("x".repeat(201), "x".repeat(2001)))
                .post("/one-to-ones")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/validation"))
                .body("errors.field", containsInAnyOrder("agenda", "contactId", "location", "stage"));
        as("alice").contentType(ContentType.JSON)
                .body("{\"contactId\": \"%s\", \"stage\": \"LUNCH\"}".formatted(UUID.randomUUID()))
                .post("/one-to-ones")
                .then().statusCode(400).body("errors[0].field", equalTo("stage"));
        as("alice").contentType(ContentType.JSON)
                .body("{\"contactId\": \"%s\", \"stage\": \"DISCOVERY\", \"scheduledFor\": \"tomorrow\"}".formatted(UUID.randomUUID()))
                .post("/one-to-ones")
                .then().statusCode(400).body("errors[0].field", equalTo("scheduledFor"));

        String location = schedule("alice", contacts.created("alice", "Sam Carter"), "DISCOVERY");
        as("alice").contentType(ContentType.JSON).body("{\"notes\": \"%s\"}".formatted("x".repeat(10001)))
                .post(location + "/held")
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("heldAt", "notes"));
    }

    @Test
    void requestsWithoutAValidTokenAnswer401() {
        given().contentType(ContentType.JSON).body("{\"contactId\": \"%s\", \"stage\": \"DISCOVERY\"}".formatted(UUID.randomUUID()))
                .post("/one-to-ones").then().statusCode(401);
        given().auth().oauth2("not-a-token").get("/one-to-ones").then().statusCode(401);
    }

    @Test
    void anotherUsersMeetingIsNotFound() {
        String location = schedule("alice", contacts.created("alice", "Sam Carter"), "DISCOVERY");
        as("bob").get(location).then().statusCode(404).contentType("application/problem+json");
        as("bob").contentType(ContentType.JSON).body(held("2026-01-05T10:00:00Z")).post(location + "/held")
                .then().statusCode(404);
        as("bob").post(location + "/cancel").then().statusCode(404);
        as("alice").get(location).then().statusCode(200).body("status", equalTo("SCHEDULED"));
    }

    @Test
    void unknownDeletedOrForeignContactsAnswerTheSame422() {
        UUID alicesContact = contacts.created("alice", "Sam Carter");
        UUID deleted = contacts.created("alice", "Gone Soon");
        contacts.send(UUID.randomUUID().toString(), "alice", TestContacts.DELETED, deleted, TestContacts.deletion(deleted));
        await().until(() -> contacts.replicaOf(deleted).deleted);

        for (var attempt : List.of(new Attempt("alice", UUID.randomUUID()), new Attempt("bob", alicesContact),
                new Attempt("alice", deleted))) {
            as(attempt.user()).contentType(ContentType.JSON)
                    .body("{\"contactId\": \"%s\", \"stage\": \"DISCOVERY\"}".formatted(attempt.contactId()))
                    .post("/one-to-ones")
                    .then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo(UNKNOWN_CONTACT))
                    .body("errors.field", contains("contactId"));
        }
        as("alice").queryParam("contactId", alicesContact).get("/one-to-ones").then().body("items", hasSize(0));
    }

    private record Attempt(String user, UUID contactId) {
    }

    @Test
    void onlyAScheduledMeetingCanBeHeldOrCancelled() {
        UUID sam = contacts.created("alice", "Sam Carter");
        String location = schedule("alice", sam, "DISCOVERY");
        as("alice").contentType(ContentType.JSON)
                .body("{\"heldAt\": \"2026-01-05T10:00:00Z\", \"notes\": \"Knows three architects\", \"askedWhoTheyKnow\": true}")
                .post(location + "/held")
                .then().statusCode(200)
                .body("status", equalTo("HELD"))
                .body("heldAt", equalTo("2026-01-05T10:00:00Z"))
                .body("askedWhoTheyKnow", equalTo(true))
                .body("bothAgreedToFollowUp", equalTo(false));

        as("alice").contentType(ContentType.JSON).body(held("2026-01-06T10:00:00Z")).post(location + "/held")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/invalid-transition"));
        as("alice").post(location + "/cancel")
                .then().statusCode(409).body("type", equalTo("https://rapport.dev/problems/invalid-transition"));

        String cancelled = schedule("alice", sam, "CHECK_IN");
        as("alice").post(cancelled + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancelledAt", notNullValue());
        as("alice").contentType(ContentType.JSON).body(held("2026-01-06T10:00:00Z")).post(cancelled + "/held")
                .then().statusCode(409);
        as("alice").get(location).then().body("heldAt", equalTo("2026-01-05T10:00:00Z"));
    }

    @Test
    void heldAtMustNotBeInTheFutureOfTheServicesClock() {
        Instant now = Instant.parse("2026-06-01T12:00:00Z");
        clock.pin(now);
        String location = schedule("alice", contacts.created("alice", "Sam Carter"), "DISCOVERY");

        as("alice").contentType(ContentType.JSON).body(held(now.plusSeconds(1).toString())).post(location + "/held")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("heldAt"))
                .body("errors[0].message", equalTo("must not be in the future"));
        as("alice").contentType(ContentType.JSON).body(held(now.toString())).post(location + "/held")
                .then().statusCode(200)
                .body("heldAt", equalTo("2026-06-01T12:00:00Z"))
                .body("updatedAt", equalTo("2026-06-01T12:00:00Z"));
    }

    @Test
    void staleIfMatchAnswers412AndChangesNothing() {
        Response created = as("alice").contentType(ContentType.JSON)
                .body("{\"contactId\": \"%s\", \"stage\": \"DISCOVERY\"}".formatted(contacts.created("alice", "Sam Carter")))
                .post("/one-to-ones");
        String location = created.header("Location");
        String stale = "\"99\"";

        as("alice").header("If-Match", stale).contentType(ContentType.JSON).body(held("2026-01-05T10:00:00Z"))
                .post(location + "/held")
                .then().statusCode(412).contentType("application/problem+json");
        as("alice").header("If-Match", stale).post(location + "/cancel").then().statusCode(412);
        as("alice").get(location).then().header("ETag", equalTo(created.header("ETag"))).body("status", equalTo("SCHEDULED"));

        as("alice").header("If-Match", created.header("ETag")).post(location + "/cancel")
                .then().statusCode(200)
                .header("ETag", not(equalTo(created.header("ETag"))));
    }

    @Test
    void referralFitNeedsAHeldDiscoveryWhereBothAgreedToFollowUp() {
        UUID sam = contacts.created("alice", "Sam Carter");
        String referralFit = "{\"contactId\": \"%s\", \"stage\": \"REFERRAL_FIT\"}".formatted(sam);
        as("alice").contentType(ContentType.JSON).body(referralFit).post("/one-to-ones")
                .then().statusCode(422).body("type", equalTo("https://rapport.dev/problems/discovery-required"));

        String lukewarm = schedule("alice", sam, "DISCOVERY");
        as("alice").contentType(ContentType.JSON).body(held("2026-01-05T10:00:00Z")).post(lukewarm + "/held")
                .then().statusCode(200);
        as("alice").contentType(ContentType.JSON).body(referralFit).post("/one-to-ones").then().statusCode(422);

        String agreed = schedule("alice", sam, "DISCOVERY");
        as("alice").contentType(ContentType.JSON)
                .body("{\"heldAt\": \"2026-01-12T10:00:00Z\", \"bothAgreedToFollowUp\": true}")
                .post(agreed + "/held").then().statusCode(200);
        as("alice").contentType(ContentType.JSON).body(referralFit).post("/one-to-ones")
                .then().statusCode(201).body("stage", equalTo("REFERRAL_FIT"));
    }

    @Test
    void repeatedPostWithIdempotencyKeyReplaysTheFirstAnswer() {
        UUID sam = contacts.created("alice", "Sam Carter");
        String key = UUID.randomUUID().toString();
        String body = "{\"contactId\": \"%s\", \"stage\": \"DISCOVERY\"}".formatted(sam);
        Response first = as("alice").header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).post("/one-to-ones");
        first.then().statusCode(201);

        as("alice").header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/one-to-ones")
                .then().statusCode(201)
                .header("Location", equalTo(first.header("Location")))
                .header("ETag", equalTo(first.header("ETag")))
                .header("Idempotent-Replayed", equalTo("true"))
                .body("id", equalTo(first.path("id")));
        as("alice").header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"contactId\": \"%s\", \"stage\": \"CHECK_IN\"}".formatted(sam))
                .post("/one-to-ones")
                .then().statusCode(422).body("type", equalTo("https://rapport.dev/problems/idempotency-key-reused"));

        as("alice").queryParam("contactId", sam).get("/one-to-ones").then().body("items", hasSize(1));
    }

    @Test
    void listPagesNewestFirstAndFiltersByContactAndStatus() {
        UUID sam = contacts.created("alice", "Sam Carter");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String location = schedule("alice", sam, "CHECK_IN");
            created.add(0, location.substring(location.lastIndexOf('/') + 1));
        }
        as("alice").post("/one-to-ones/" + created.get(0) + "/cancel").then().statusCode(200);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification request = as("alice").queryParam("contactId", sam).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/one-to-ones");
            page.then().statusCode(200);
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(created);
        assertThat(pages).isEqualTo(3);

        as("alice").queryParam("contactId", sam).queryParam("status", "CANCELLED").get("/one-to-ones")
                .then().body("items.id", contains(created.get(0)));
        as("bob").queryParam("contactId", sam).get("/one-to-ones").then().body("items", hasSize(0));
    }

    @Test
    void badListParametersAnswer400() {
        as("alice").queryParam("contactId", "sam").get("/one-to-ones")
                .then().statusCode(400).body("errors[0].field", equalTo("contactId"));
        as("alice").queryParam("status", "LATE").get("/one-to-ones")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        as("alice").queryParam("limit", 0).get("/one-to-ones")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        as("alice").get("/one-to-ones/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
    }

    private static String held(String heldAt) {
        return "{\"heldAt\": \"" + heldAt + "\"}";
    }

    private static String schedule(String user, UUID contactId, String stage) {
        return as(user).contentType(ContentType.JSON)
                .body("{\"contactId\": \"%s\", \"stage\": \"%s\"}".formatted(contactId, stage))
                .post("/one-to-ones")
                .then().statusCode(201).extract().header("Location");
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }
}
