package dev.rapport.referrals.balance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
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
class BalanceResourceTest {

    @Inject
    ContactFeed contacts;
    @Inject
    Clock clock;

    @Test
    void balanceCountsReferralsEachWayAndTheLastOfEach() {
        UUID partner = contacts.contactOf("alice", "Sam Carter");
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        record("GIVEN", partner, now.minus(Duration.ofDays(3)));
        record("RECEIVED", partner, now.minus(Duration.ofDays(2)));
        record("GIVEN", partner, now.minus(Duration.ofDays(1)));

        as("alice").get("/partners/" + partner + "/balance")
                .then().statusCode(200)
                .body("partnerId", equalTo(partner.toString()))
                .body("partnerName", equalTo("Sam Carter"))
                .body("given", equalTo(2))
                .body("received", equalTo(1))
                .body("balance", equalTo(1))
                .body("lastGivenAt", equalTo(now.minus(Duration.ofDays(1)).toString()))
                .body("lastReceivedAt", equalTo(now.minus(Duration.ofDays(2)).toString()));
    }

    @Test
    void aContactWithoutReferralsHasAZeroBalance() {
        UUID partner = contacts.contactOf("alice", "Kim Lee");
        as("alice").get("/partners/" + partner + "/balance")
                .then().statusCode(200)
                .body("partnerName", equalTo("Kim Lee"))
                .body("given", equalTo(0))
                .body("received", equalTo(0))
                .body("balance", equalTo(0))
                .body("lastGivenAt", nullValue())
                .body("lastReceivedAt", nullValue());
    }

    @Test
    void aPartnerWhoIsNotTheCallersKnownContactIsNotFound() {
        UUID partner = contacts.contactOf("alice", "Sam Carter");
        record("GIVEN", partner, clock.instant().minusSeconds(60));
        as("bob").get("/partners/" + partner + "/balance").then().statusCode(404).contentType("application/problem+json");
        as("alice").get("/partners/" + UUID.randomUUID() + "/balance").then().statusCode(404);
        given().get("/partners/" + partner + "/balance").then().statusCode(401);

        contacts.delete("alice", partner);
        as("alice").get("/partners/" + partner + "/balance").then().statusCode(404);
    }

    @Test
    void balancesListThePartnerWithTheLatestReferralFirst() {
        UUID earlier = contacts.contactOf("alice", "Earlier Partner");
        UUID later = contacts.contactOf("alice", "Later Partner");
        // The latest referrals of all: these two partners head alice's list.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        record("RECEIVED", earlier, now.minus(Duration.ofDays(5)));
        record("GIVEN", earlier, now.minusMillis(2));
        record("RECEIVED", later, now.minusMillis(1));

        Response first = as("alice").queryParam("limit", 1).get("/partners/balances");
        first.then().statusCode(200)
                .body("items.partnerId", contains(later.toString()))
                .body("items[0].given", equalTo(0))
                .body("items[0].received", equalTo(1))
                .body("items[0].balance", equalTo(-1))
                .body("nextCursor", notNullValue());
        as("alice").queryParam("limit", 1).queryParam("cursor", first.path("nextCursor").toString()).get("/partners/balances")
                .then().statusCode(200)
                .body("items.partnerId", contains(earlier.toString()))
                .body("items[0].partnerName", equalTo("Earlier Partner"))
                .body("items[0].given", equalTo(1))
                .body("items[0].received", equalTo(1))
                .body("items[0].balance", equalTo(0));

        as("bob").queryParam("limit", 200).get("/partners/balances")
                .then().statusCode(200).body("items.partnerId", not(hasItem(later.toString())));
        as("alice").queryParam("limit", 500).get("/partners/balances").then().statusCode(400).body("errors[0].field", equalTo("limit"));
    }

    private void record(String direction, UUID partner, Instant occurredAt) {
        as("alice").contentType(ContentType.JSON)
                .body("""
                        {"direction": "%s", "partnerId": "%s", "referredName": "Jo Patel", "occurredAt": "%s"}"""
                        .formatted(direction, partner, occurredAt))
                .post("/referrals")
                .then().statusCode(201);
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }
}
