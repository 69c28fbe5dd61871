package dev.rapport.referrals.referral;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.testing.Tokens;
import dev.rapport.referrals.ContactFeed;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

@QuarkusTest
class ReferralResourceTest {

    @Inject
    ContactFeed contacts;
    @Inject
    Clock clock;

    @Test
    void createAnswers201WithLocationETagAndTheReferral() {
        UUID partner = contacts.contactOf("alice", "Sam Carter");
        Instant occurredAt = clock.instant().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        Response created = as("alice").contentType(ContentType.JSON)
                .body(referral("GIVEN", partner, occurredAt).replace("}", ", \"notes\": \"private\"}"))
                .post("/referrals")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/referrals/[0-9a-f-]{36}"))
                .header("ETag", notNullValue())
                .body("id", notNullValue())
                .body("direction", equalTo("GIVEN"))
                .body("partnerId", equalTo(partner.toString()))
                .body("referredName", equalTo("Jo Patel"))
                .body("need", equalTo("Bookkeeping"))
                .body("occurredAt", equalTo(occurredAt.toString()))
                .body("notes", equalTo("private"))
                .body("status", equalTo("OPEN"))
                .body("createdAt", notNullValue())
                .extract().response();

        as("alice").get(created.header("Location"))
                .then().statusCode(200)
                .header("ETag", equalTo(created.header("ETag")))
                .body("id", equalTo(created.path("id")))
                .body("status", equalTo("OPEN"));
    }

    @Test
    void theReferredPersonIsAContactOfTheOwnersOrANameWithDetailsSharedWithTheirAgreement() {
        UUID partner = contacts.contactOf("alice", "Sam Carter");
        UUID referred = contacts.contactOf("alice", "Jo Patel");
        Instant occurredAt = clock.instant().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        as("alice").contentType(ContentType.JSON)
                .body("""
                        {"direction": "GIVEN", "partnerId": "%s", "referredContactId": "%s", "warmth": 4, "occurredAt": "%s"}"""
                        .formatted(partner, referred, occurredAt))
                .post("/referrals")
                .then().statusCode(201)
                .body("referredContactId", equalTo(referred.toString()))
                .body("referredName", equalTo("Jo Patel"))
                .body("warmth", equalTo(4))
                .body("referredAgreedToContact", equalTo(false));
        as("alice").contentType(ContentType.JSON)
                .body("""
                        {"direction": "RECEIVED", "partnerId": "%s", "referredName": "Ann Other", "referredCompany": "Other Ltd",
                         "referredEmail": "ann@other.example", "referredPhone": "+44 20 7946 0958", "referredAgreedToContact": true,
                         "occurredAt": "%s"}""".formatted(partner, occurredAt))
                .post("/referrals")
                .then().statusCode(201)
                .body("referredCompany", equalTo("Other Ltd"))
                .body("referredEmail", equalTo("ann@other.example"))
                .body("referredPhone", equalTo("+44 20 7946 0958"))
                .body("referredAgreedToContact", equalTo(true))
                .body("status", equalTo("OPEN"))
                .body("statusAt", equalTo(occurredAt.toString()))
                .body("value", nullValue());
    }

    @Test
    void badReferredPersonsAnswerProblemsAndRecordNothing() {
        UUID partner = contacts.contactOf("alice", "Sam Carter");
        UUID bobs = contacts.contactOf("bob", "Bob's contact");
        String at = clock.instant().minusSeconds(60).toString();
        String[][] cases = {
                { "{\"direction\": \"GIVEN\", \"partnerId\": \"%s\", \"occurredAt\": \"%s\"}".formatted(partner, at), "400", "referredName" },
                { "{\"direction\": \"GIVEN\", \"partnerId\": \"%s\", \"referredName\": \"Ann\", \"referredEmail\": \"ann@other.example\", \"occurredAt\": \"%s\"}".formatted(partner, at), "400", "referredAgreedToContact" },
                { "{\"direction\": \"GIVEN\", \"partnerId\": \"%s\", \"referredName\": \"Ann\", \"referredEmail\": \"not an email\", \"referredAgreedToContact\": true, \"occurredAt\": \"%s\"}".formatted(partner, at), "400", "referredEmail" },
                { "{\"direction\": \"GIVEN\", \"partnerId\": \"%s\", \"referredName\": \"Ann\", \"warmth\": 6, \"occurredAt\": \"%s\"}".formatted(partner, at), "400", "warmth" },
                { "{\"direction\": \"GIVEN\", \"partnerId\": \"%s\", \"referredName\": \"Ann\", \"warmth\": \"3\", \"occurredAt\": \"%s\"}".formatted(partner, at), "400", "warmth" },
                { "{\"direction\": \"GIVEN\", \"partnerId\": \"%s\", \"referredContactId\": \"%s\", \"occurredAt\": \"%s\"}".formatted(partner, partner, at), "400", "referredContactId" },
                { "{\"direction\": \"GIVEN\", \"partnerId\": \"%s\", \"referredContactId\": \"%s\", \"occurredAt\": \"%s\"}".formatted(partner, bobs, at), "422", "referredContactId" } };
        for (String[] bad : cases) {
            as("alice").contentType(ContentType.JSON).body(bad[0]).post("/referrals")
                    .then().statusCode(Integer.parseInt(bad[1])).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(bad[2]));
        }
        as("alice").queryParam("partnerId", partner.toString()).get("/referrals").then().body("items", hasSize(0));
    }

    @Test
    void invalidFieldsAnswer400ProblemListingEachField() {
        as("alice").contentType(ContentType.JSON)
                .body("{\"referredName\": \" \", \"need\": \"%s\"}".formatted("x".repeat(2001)))
                .post("/referrals")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/validation"))
                .body("errors.field", containsInAnyOrder("direction", "need", "occurredAt", "partnerId", "referredName"));
        as("alice").contentType(ContentType.JSON)
                .body(referral("SIDEWAYS", UUID.randomUUID(), clock.instant().minusSeconds(60)))
                .post("/referrals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("direction"));
        as("alice").contentType(ContentType.JSON)
                .body(referral("GIVEN", UUID.randomUUID(), clock.instant().minusSeconds(60)).replace("}", ", \"fee\": 10}"))
                .post("/referrals")
                .then().statusCode(400).body("errors[0].field", equalTo("fee"));
    }

    @Test
    void occurredAtInTheFutureAnswers400() {
        UUID partner = contacts.contactOf("alice", "Sam Carter");
        as("alice").contentType(ContentType.JSON)
                .body(referral("RECEIVED", partner, clock.instant().plus(Duration.ofMinutes(5))))
                .post("/referrals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("occurredAt"))
                .body("errors[0].message", equalTo("must not be in the future"));
        as("alice").contentType(ContentType.JSON)
                .body(referral("RECEIVED", partner, clock.instant()))
                .post("/referrals")
                .then().statusCode(201);
    }

    @Test
    void requestsWithoutAValidTokenAnswer401() {
        given().contentType(ContentType.JSON).body(referral("GIVEN", UUID.randomUUID(), clock.instant()))
                .post("/referrals").then().statusCode(401);
        given().get("/referrals").then().statusCode(401);
        given().auth().oauth2("not-a-token").get("/referrals/" + UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    void anotherUsersReferralIsNotFound() {
        UUID partner = contacts.contactOf("alice", "Sam Carter");
        String location = create("alice", referral("GIVEN", partner, clock.instant().minusSeconds(60)));
        as("bob").get(location).then().statusCode(404).contentType("application/problem+json");
        as("bob").queryParam("partnerId", partner.toString()).get("/referrals").then().statusCode(200).body("items", hasSize(0));
        as("alice").get(location).then().statusCode(200);
    }

    @Test
    void aPartnerWhoIsNotTheCallersKnownContactAnswers422() {
        UUID alicesContact = contacts.contactOf("alice", "Sam Carter");
        assertUnknownContact("alice", UUID.randomUUID());
        // Another owner's contact gets the very same answer, so its existence does not leak.
        assertUnknownContact("bob", alicesContact);
        contacts.delete("alice", alicesContact);
        assertUnknownContact("alice", alicesContact);
    }

    private void assertUnknownContact(String user, UUID partner) {
        as(user).contentType(ContentType.JSON)
                .body(referral("GIVEN", partner, clock.instant().minusSeconds(60)))
                .post("/referrals")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/unknown-contact"))
                .body("title", equalTo("Unknown contact"))
                .body("detail", equalTo("No contact " + partner + " in the caller's network"))
                .body("errors.field", contains("partnerId"))
                .body("errors[0].message", equalTo("is not a contact in the caller's network"));
    }

    @Test
    void repeatedPostWithIdempotencyKeyReplaysTheFirstAnswer() {
        UUID partner = contacts.contactOf("alice", "Sam Carter");
        String key = UUID.randomUUID().toString();
        String body = referral("RECEIVED", partner, clock.instant().minusSeconds(60));
        Response first = as("alice").header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).post("/referrals");
        first.then().statusCode(201);

        as("alice").header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/referrals")
                .then().statusCode(201)
                .header("Location", equalTo(first.header("Location")))
                .header("ETag", equalTo(first.header("ETag")))
                .header("Idempotent-Replayed", equalTo("true"))
                .body("id", equalTo(first.path("id")));
        as("alice").header("Idempotency-Key", key).contentType(ContentType.JSON).body(body.replace("Jo Patel", "Someone else"))
                .post("/referrals")
                .then().statusCode(422).body("type", equalTo("https://rapport.dev/problems/idempotency-key-reused"));

        as("alice").queryParam("partnerId", partner.toString()).get("/referrals").then().body("items", hasSize(1));
    }

    @Test
    void listPagesNewestFirstByOccurredAtAndFilters() {
        UUID partner = contacts.contactOf("alice", "Sam Carter");
        Instant now = clock.instant();
        String oldest = id(create("alice", referral("GIVEN", partner, now.minus(Duration.ofHours(3)))));
        String newest = id(create("alice", referral("RECEIVED", partner, now.minus(Duration.ofHours(1)))));
        String middle = id(create("alice", referral("GIVEN", partner, now.minus(Duration.ofHours(2)))));

        Response first = as("alice").queryParam("partnerId", partner.toString()).queryParam("limit", 2).get("/referrals");
        first.then().statusCode(200).body("items.id", contains(newest, middle)).body("nextCursor", notNullValue());
        as("alice").queryParam("partnerId", partner.toString()).queryParam("limit", 2)
                .queryParam("cursor", first.path("nextCursor").toString())
                .get("/referrals")
                .then().statusCode(200).body("items.id", contains(oldest)).body("nextCursor", nullValue());

        as("alice").queryParam("partnerId", partner.toString()).queryParam("direction", "GIVEN").get("/referrals")
                .then().statusCode(200).body("items.id", contains(middle, oldest));
    }

    @Test
    void badListParametersAnswer400() {
        as("alice").queryParam("partnerId", "garbage").get("/referrals")
                .then().statusCode(400).body("errors[0].field", equalTo("partnerId"));
        as("alice").queryParam("direction", "UP").get("/referrals")
                .then().statusCode(400).body("errors[0].field", equalTo("direction"));
        as("alice").queryParam("limit", 0).get("/referrals").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        as("alice").queryParam("cursor", "garbage").get("/referrals").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        as("alice").get("/referrals/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
    }

    private static String referral(String direction, UUID partner, Instant occurredAt) {
        return """
                {"direction": "%s", "partnerId": "%s", "referredName": "Jo Patel", "need": "Bookkeeping", "occurredAt": "%s"}"""
                .formatted(direction, partner, occurredAt);
    }

    private static String create(String user, String body) {
        return as(user).contentType(ContentType.JSON).body(body).post("/referrals")
                .then().statusCode(201).extract().header("Location");
    }

    private static String id(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }
}
