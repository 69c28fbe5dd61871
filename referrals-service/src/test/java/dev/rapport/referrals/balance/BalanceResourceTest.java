package dev.rapport.referrals.balance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.testing.Tokens;
import dev.rapport.referrals.ContactFeed;
import dev.rapport.referrals.Ledger;
import dev.rapport.referrals.TestClock;
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
    @Inject
    TestClock testClock;

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

    @Test
    void valueWonIsSummedPerCurrencyEachWayAndAReversedWinNoLongerCounts() {
        UUID partner = contacts.contactOf("alice", "Mixed Currencies");
        Instant at = clock.instant().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        Ledger.won("alice", Ledger.record("alice", "GIVEN", partner, at), "100", "EUR", at);
        Ledger.won("alice", Ledger.record("alice", "GIVEN", partner, at), "50.25", "USD", at);
        String corrected = Ledger.won("alice", Ledger.record("alice", "GIVEN", partner, at), "30", "EUR", at);
        Ledger.reverse("alice", corrected);
        Ledger.won("alice", Ledger.record("alice", "RECEIVED", partner, at), "200.10", "EUR", at);
        String reWon = Ledger.won("alice", Ledger.record("alice", "RECEIVED", partner, at), "70", "EUR", at);
        Ledger.reverse("alice", reWon);
        Ledger.record("alice", "RECEIVED", partner, at);

        as("alice").get("/partners/" + partner + "/balance")
                .then().statusCode(200)
                .body("given", equalTo(3))
                .body("received", equalTo(3))
                .body("balance", equalTo(0))
                .body("openGiven", equalTo(1))
                .body("openReceived", equalTo(2))
                .body("wonGiven.currency", contains("EUR", "USD"))
                .body("wonGiven.amount", contains("100.00", "50.25"))
                .body("wonReceived.currency", contains("EUR"))
                .body("wonReceived.amount", contains("200.10"))
                .body("reciprocity", equalTo(1.0f));
    }

    @Test
    void daysSinceAndReciprocityFollowTheClock() {
        UUID partner = contacts.contactOf("alice", "Kept Waiting");
        Instant now = Instant.parse("2026-06-15T12:00:00Z");
        testClock.pin(now);
        try {
            record("GIVEN", partner, now.minus(Duration.ofDays(40)));
            record("GIVEN", partner, now.minus(Duration.ofDays(12)).minusSeconds(3600));
            record("GIVEN", partner, now.minus(Duration.ofDays(20)));
            record("RECEIVED", partner, now.minus(Duration.ofDays(100)));
            as("alice").get("/partners/" + partner + "/balance")
                    .then().statusCode(200)
                    .body("daysSinceLastGiven", equalTo(12))
                    .body("daysSinceLastReceived", equalTo(100))
                    .body("reciprocity", equalTo(0.33f));
            testClock.pin(now.plus(Duration.ofDays(30)));
            as("alice").get("/partners/" + partner + "/balance")
                    .then().body("daysSinceLastGiven", equalTo(42)).body("daysSinceLastReceived", equalTo(130));
        } finally {
            testClock.unpin();
        }
        UUID onlyReceived = contacts.contactOf("alice", "Only Gives");
        record("RECEIVED", onlyReceived, clock.instant().minusSeconds(60));
        as("alice").get("/partners/" + onlyReceived + "/balance")
                .then().body("reciprocity", nullValue()).body("daysSinceLastGiven", nullValue()).body("daysSinceLastReceived", equalTo(0));
    }

    @Test
    void balancesSortByBalanceEachWayAndPageWithTheSameSort() {
        // Balances beyond any other test's partners (at most a few each way), so these head the lists.
        UUID giver = contacts.contactOf("alice", "Alice Gives To");
        UUID taker = contacts.contactOf("alice", "Alice Takes From");
        UUID alsoGiver = contacts.contactOf("alice", "Alice Gives To Too");
        Instant at = clock.instant().minus(Duration.ofDays(2));
        for (int i = 0; i < 40; i++) {
            record("GIVEN", giver, at);
            record("RECEIVED", taker, at);
        }
        for (int i = 0; i < 30; i++) {
            record("GIVEN", alsoGiver, at);
        }
        for (String sort : new String[] { "BALANCE_DESC", "BALANCE_ASC" }) {
            // Other tests' (and earlier runs') partners share alice's list: check the order and the paging, not the head.
            List<String> all = as("alice").queryParam("sort", sort).queryParam("limit", 200).get("/partners/balances")
                    .then().statusCode(200).extract().path("items.partnerId");
            List<Integer> balances = as("alice").queryParam("sort", sort).queryParam("limit", 200).get("/partners/balances")
                    .then().extract().path("items.balance");
            List<Integer> sorted = new ArrayList<>(balances);
            sorted.sort(sort.equals("BALANCE_DESC") ? Comparator.reverseOrder() : Comparator.naturalOrder());
            assertThat(balances).isEqualTo(sorted);
            Response first = as("alice").queryParam("sort", sort).queryParam("limit", 2).get("/partners/balances");
            List<String> next = as("alice").queryParam("sort", sort).queryParam("limit", 2)
                    .queryParam("cursor", first.path("nextCursor").toString()).get("/partners/balances")
                    .then().statusCode(200).extract().path("items.partnerId");
            List<String> firstFour = new ArrayList<>(first.<List<String>>path("items.partnerId"));
            firstFour.addAll(next);
            assertThat(firstFour).isEqualTo(all.subList(0, 4));
        }
        List<String> descending = as("alice").queryParam("sort", "BALANCE_DESC").queryParam("limit", 200).get("/partners/balances")
                .then().extract().path("items.partnerId");
        assertThat(descending.indexOf(giver.toString())).isNotNegative().isLessThan(descending.indexOf(alsoGiver.toString()));
        as("alice").get("/partners/" + taker + "/balance").then().body("balance", equalTo(-40));
        Response first = as("alice").queryParam("sort", "BALANCE_DESC").queryParam("limit", 1).get("/partners/balances");

        as("alice").queryParam("sort", "balance").get("/partners/balances").then().statusCode(400).body("errors[0].field", equalTo("sort"));
        as("alice").queryParam("sort", "RECENT").queryParam("cursor", first.path("nextCursor").toString()).get("/partners/balances")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
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
