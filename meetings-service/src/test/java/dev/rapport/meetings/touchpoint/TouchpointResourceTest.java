package dev.rapport.meetings.touchpoint;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Instant;
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
class TouchpointResourceTest {

    @Inject
    TestContacts contacts;

    @Inject
    TestClock clock;

    @AfterEach
    void unpinClock() {
        clock.unpin();
    }

    @Test
    void logAnswers201WithLocationETagAndTheTouchpoint() {
        UUID sam = contacts.created("alice", "Sam Carter");
        Response created = as("alice").contentType(ContentType.JSON)
                .body("""
                        {"contactId": "%s", "kind": "EMAIL", "occurredAt": "2026-01-05T10:00:00.1234567Z",
                         "note": "Sent the article"}""".formatted(sam))
                .post("/touchpoints")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/touchpoints/[0-9a-f-]{36}"))
                .header("ETag", notNullValue())
                .body("contactId", equalTo(sam.toString()))
                .body("kind", equalTo("EMAIL"))
                .body("occurredAt", equalTo("2026-01-05T10:00:00.123456Z"))
                .body("note", equalTo("Sent the article"))
                .extract().response();

        as("alice").get(created.header("Location"))
                .then().statusCode(200)
                .header("ETag", equalTo(created.header("ETag")))
                .body("occurredAt", equalTo("2026-01-05T10:00:00.123456Z"));
    }

    @Test
    void invalidFieldsAnswer400ProblemListingEachField() {
        as("alice").contentType(ContentType.JSON).body("{\"note\": \"%s\"}".formatted("x".repeat(2001)))
                .post("/touchpoints")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("contactId", "kind", "note", "occurredAt"));
        as("alice").contentType(ContentType.JSON).body(touchpoint(UUID.randomUUID(), "PIGEON", "2026-01-05T10:00:00Z"))
                .post("/touchpoints")
                .then().statusCode(400).body("errors[0].field", equalTo("kind"));
    }

    @Test
    void occurredAtMustNotBeInTheFutureOfTheServicesClock() {
        UUID sam = contacts.created("alice", "Sam Carter");
        Instant now = Instant.parse("2026-06-01T12:00:00Z");
        clock.pin(now);
        as("alice").contentType(ContentType.JSON).body(touchpoint(sam, "CALL", now.plusMillis(1).toString()))
                .post("/touchpoints")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("occurredAt"))
                .body("errors[0].message", equalTo("must not be in the future"));
        as("alice").contentType(ContentType.JSON).body(touchpoint(sam, "CALL", now.toString()))
                .post("/touchpoints")
                .then().statusCode(201).body("createdAt", equalTo("2026-06-01T12:00:00Z"));
    }

    @Test
    void requestsWithoutAValidTokenAnswer401() {
        given().contentType(ContentType.JSON).body(touchpoint(UUID.randomUUID(), "CALL", "2026-01-05T10:00:00Z"))
                .post("/touchpoints").then().statusCode(401);
        given().get("/touchpoints").then().statusCode(401);
    }

    @Test
    void anotherUsersTouchpointIsNotFoundAndTheirContactIsUnknown() {
        UUID sam = contacts.created("alice", "Sam Carter");
        String location = log("alice", sam, "CALL", "2026-01-05T10:00:00Z");
        as("bob").get(location).then().statusCode(404).contentType("application/problem+json");
        as("bob").delete(location).then().statusCode(404);
        as("alice").get(location).then().statusCode(200);

        as("bob").contentType(ContentType.JSON).body(touchpoint(sam, "CALL", "2026-01-05T10:00:00Z"))
                .post("/touchpoints")
                .then().statusCode(422)
                .body("type", equalTo("https://rapport.dev/problems/unknown-contact"))
                .body("errors.field", contains("contactId"));
        as("alice").contentType(ContentType.JSON).body(touchpoint(UUID.randomUUID(), "CALL", "2026-01-05T10:00:00Z"))
                .post("/touchpoints")
                .then().statusCode(422)
                .body("type", equalTo("https://rapport.dev/problems/unknown-contact"));
    }

    @Test
    void deleteHonoursIfMatchThenTheTouchpointIsGone() {
        Response created = as("alice").contentType(ContentType.JSON)
                .body(touchpoint(contacts.created("alice", "Sam Carter"), "MESSAGE", "2026-01-05T10:00:00Z"))
                .post("/touchpoints");
        String location = created.header("Location");
        as("alice").header("If-Match", "\"99\"").delete(location).then().statusCode(412).contentType("application/problem+json");
        as("alice").get(location).then().statusCode(200);
        as("alice").header("If-Match", created.header("ETag")).delete(location).then().statusCode(204);
        as("alice").get(location).then().statusCode(404);
    }

    @Test
    void listPagesLatestFirstByOccurredAtForOneContact() {
        UUID sam = contacts.created("alice", "Sam Carter");
        String march = id(log("alice", sam, "CALL", "2026-03-01T09:00:00Z"));
        String january = id(log("alice", sam, "EMAIL", "2026-01-01T09:00:00Z"));
        String february = id(log("alice", sam, "SOCIAL", "2026-02-01T09:00:00Z"));
        log("alice", contacts.created("alice", "Someone Else"), "OTHER", "2026-02-15T09:00:00Z");

        Response first = as("alice").queryParam("contactId", sam).queryParam("limit", 2).get("/touchpoints");
        first.then().statusCode(200).body("items.id", contains(march, february)).body("nextCursor", notNullValue());
        as("alice").queryParam("contactId", sam).queryParam("limit", 2).queryParam("cursor", first.path("nextCursor").toString())
                .get("/touchpoints")
                .then().statusCode(200).body("items.id", contains(january)).body("nextCursor", equalTo(null));
        as("bob").queryParam("contactId", sam).get("/touchpoints").then().body("items", hasSize(0));
        as("alice").queryParam("contactId", "sam").get("/touchpoints")
                .then().statusCode(400).body("errors[0].field", equalTo("contactId"));
    }

    private static String touchpoint(UUID contactId, String kind, String occurredAt) {
        return "{\"contactId\": \"%s\", \"kind\": \"%s\", \"occurredAt\": \"%s\"}".formatted(contactId, kind, occurredAt);
    }

    private static String log(String user, UUID contactId, String kind, String occurredAt) {
        return as(user).contentType(ContentType.JSON).body(touchpoint(contactId, kind, occurredAt))
                .post("/touchpoints")
                .then().statusCode(201).extract().header("Location");
    }

    private static String id(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }
}
