package dev.rapport.referrals.exchange;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.rapport.platform.testing.CloudEventProducer;
import dev.rapport.platform.testing.KafkaTopics;
import dev.rapport.platform.testing.Tokens;
import dev.rapport.referrals.ContactFeed;
import dev.rapport.referrals.TestClock;
import dev.rapport.referrals.referral.Direction;
import dev.rapport.referrals.referral.ReferralRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/**
 * Two members, alice and bob (real tokens), link their records: what alice gives bob appears in
 * bob's ledger, and what bob does with it is followed by alice's copy, through the service's own
 * events on the real broker.
 */
@QuarkusTest
class MemberExchangeTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    ContactFeed contacts;
    @Inject
    TestClock clock;
    @Inject
    ReferralRepository referrals;

    private UUID bobForAlice;
    private UUID aliceForBob;

    /** The test database keeps earlier runs' links: each test starts with alice, bob and admin unlinked. */
    @BeforeEach
    void unlinkEveryone() {
        for (String user : List.of("alice", "bob", "admin")) {
            for (String id : as(user).get("/links?limit=200").then().statusCode(200).extract().jsonPath().getList("items.id", String.class)) {
                as(user).delete("/links/" + id).then().statusCode(204);
            }
        }
        bobForAlice = contacts.contactOf("alice", "Bob Baker");
        aliceForBob = contacts.contactOf("bob", "Alice Archer");
    }

    @Test
    void aReferralGivenToALinkedMemberIsTheirsToMoveAndTheGiversCopyFollows() {
        String linkId = link("alice", bobForAlice, "bob", aliceForBob);
        as("alice").get("/links/" + linkId).then().statusCode(200).body("partnerId", equalTo(bobForAlice.toString()));
        as("bob").get("/links/" + linkId).then().statusCode(200).body("partnerId", equalTo(aliceForBob.toString()));
        as("bob").get("/links").then().body("items.id", hasItem(linkId));

        Instant occurredAt = clock.instant().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        String given = created(as("alice").contentType(ContentType.JSON).body("""
                {"direction": "GIVEN", "partnerId": "%s", "referredName": "Jo Patel", "referredCompany": "Patel Design",
                 "referredEmail": "jo@pateldesign.example", "referredAgreedToContact": true, "need": "Bookkeeping",
                 "warmth": 4, "occurredAt": "%s", "notes": "alice's private notes"}""".formatted(bobForAlice, occurredAt))
                .post("/referrals"));

        JsonPath copy = awaitCopyOf(given);
        assertThat(copy.getString("direction")).isEqualTo("RECEIVED");
        assertThat(copy.getString("partnerId")).isEqualTo(aliceForBob.toString());
        assertThat(copy.getString("referredName")).isEqualTo("Jo Patel");
        assertThat(copy.getString("referredCompany")).isEqualTo("Patel Design");
        assertThat(copy.getString("referredEmail")).isEqualTo("jo@pateldesign.example");
        assertThat(copy.getString("need")).isEqualTo("Bookkeeping");
        assertThat(copy.getInt("warmth")).isEqualTo(4);
        assertThat(copy.getString("occurredAt")).isEqualTo(occurredAt.toString());
        assertThat(copy.getString("status")).isEqualTo("OPEN");
        assertThat(copy.getString("linkId")).isEqualTo(linkId);
        assertThat(copy.getString("notes")).isNull();
        assertThat(copy.getString("referredContactId")).isNull();
        String copyId = copy.getString("id");

        // The giver's copy follows: alice cannot move it herself.
        as("alice").get("/referrals/" + given).then().body("linkId", equalTo(linkId));
        as("alice").contentType(ContentType.JSON).body("{\"to\": \"CONTACTED\"}").post("/referrals/" + given + "/status")
                .then().statusCode(409).body("type", equalTo("https://rapport.dev/problems/follows-linked-member"));
        as("alice").contentType(ContentType.JSON).body("{}").post("/referrals/" + given + "/reversal").then().statusCode(409);

        move("bob", copyId, "{\"to\": \"CONTACTED\", \"note\": \"bob's note\"}");
        move("bob", copyId, "{\"to\": \"WON\", \"value\": {\"amount\": \"1200.5\", \"currency\": \"EUR\"}}");
        await().atMost(PATIENCE).untilAsserted(() -> as("alice").get("/referrals/" + given).then()
                .body("status", equalTo("WON")).body("value.amount", equalTo("1200.50")).body("value.currency", equalTo("EUR")));
        JsonPath history = as("alice").get("/referrals/" + given + "/history").then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("items.status", String.class)).containsExactly("OPEN", "CONTACTED", "WON");
        assertThat(history.getList("items.authorId", String.class))
                .containsExactly(Tokens.subjectOf("alice"), Tokens.subjectOf("bob"), Tokens.subjectOf("bob"));
        assertThat(history.getList("items.note", String.class)).containsOnlyNulls();

        // Both balances moved: alice's given to bob won 1,200.50 EUR, bob's received from alice too.
        as("alice").get("/partners/" + bobForAlice + "/balance").then().statusCode(200)
                .body("given", equalTo(1)).body("wonGiven[0].amount", equalTo("1200.50"));
        as("bob").get("/partners/" + aliceForBob + "/balance").then().statusCode(200)
                .body("received", equalTo(1)).body("wonReceived[0].amount", equalTo("1200.50"));

        // Bob thanks alice: her copy learns it. Then a correction by bob is followed too.
        as("bob").contentType(ContentType.JSON).body("{\"note\": \"Thank you!\"}").post("/referrals/" + copyId + "/thanks")
                .then().statusCode(200);
        await().atMost(PATIENCE).untilAsserted(() -> as("alice").get("/referrals/" + given).then().body("thankedAt", notNullValue()));
        as("bob").contentType(ContentType.JSON).body("{}").post("/referrals/" + copyId + "/reversal").then().statusCode(200);
        await().atMost(PATIENCE).untilAsserted(() -> as("alice").get("/referrals/" + given).then()
                .body("status", equalTo("CONTACTED")).body("value", nullValue()).body("thankedAt", nullValue()));
        as("alice").get("/partners/" + bobForAlice + "/balance").then().body("wonGiven.size()", equalTo(0));
    }

    @Test
    void unlinkingLeavesEachSideItsOwnCopyAndStopsSharing() {
        String linkId = link("alice", bobForAlice, "bob", aliceForBob);
        String given = give("alice", bobForAlice);
        String copyId = awaitCopyOf(given).getString("id");

        as("bob").delete("/links/" + linkId).then().statusCode(204);
        as("alice").get("/links/" + linkId).then().statusCode(404);
        as("bob").get("/links/" + linkId).then().statusCode(404);
        as("alice").get("/referrals/" + given).then().body("linkId", nullValue());
        as("bob").get("/referrals/" + copyId).then().statusCode(200).body("linkId", nullValue()).body("referredName", equalTo("Jo Patel"));

        // Alice's copy is hers again, and bob's moves are no longer followed.
        move("alice", given, "{\"to\": \"CONTACTED\"}");
        move("bob", copyId, "{\"to\": \"LOST\"}");
        String notShared = give("alice", bobForAlice);

        // Linked again, the next referral is shared: once its copy is there, everything alice
        // published before it (same key, same partition) was applied, and was not shared.
        link("alice", bobForAlice, "bob", aliceForBob);
        awaitCopyOf(give("alice", bobForAlice));
        assertThat(copiesOf(notShared)).isEmpty();
        as("alice").get("/referrals/" + given).then().body("status", equalTo("CONTACTED"));
    }

    @Test
    void theSameEventTwiceMakesOneCopy() {
        link("alice", bobForAlice, "bob", aliceForBob);
        String given = give("alice", bobForAlice);
        awaitCopyOf(given);
        try (CloudEventProducer referralsTopic = new CloudEventProducer(KafkaTopics.SHARED_BROKER, "test.rapport.referrals.v1",
                "/rapport/referrals-service")) {
            referralsTopic.send(Tokens.subjectOf("alice"), "rapport.referral.given.v1", given, """
                    {"referralId": "%s", "partnerId": "%s", "referredName": "Jo Patel", "need": null, "occurredAt": "2026-11-20T09:00:00Z"}"""
                    .formatted(given, bobForAlice));
        }
        awaitCopyOf(give("alice", bobForAlice));
        assertThat(copiesOf(given)).hasSize(1);
    }

    @Test
    void deletingTheContactForALinkedMemberUndoesTheLink() {
        String linkId = link("alice", bobForAlice, "bob", aliceForBob);
        contacts.delete("bob", aliceForBob);
        await().atMost(PATIENCE).untilAsserted(() -> as("alice").get("/links/" + linkId).then().statusCode(404));
        as("bob").get("/links/" + linkId).then().statusCode(404);
    }

    @Test
    void aCodeIsAcceptedOnceBeforeItExpiresAndNeverByItsOwnMaker() {
        Map<String, String> invitation = invite("alice", bobForAlice);
        String code = invitation.get("code");
        assertThat(code).matches("[A-Z2-7]{4}(-[A-Z2-7]{4}){3}");
        as("alice").get("/link-invitations/" + invitation.get("id")).then().statusCode(200)
                .body("code", nullValue()).body("acceptedAt", nullValue());
        as("bob").get("/link-invitations/" + invitation.get("id")).then().statusCode(404);

        accept("alice", code, bobForAlice).then().statusCode(422).body("type", equalTo("https://rapport.dev/problems/own-link-code"));
        accept("bob", "AAAA-BBBB-CCCC-DDDD", aliceForBob).then().statusCode(422)
                .body("type", equalTo("https://rapport.dev/problems/unknown-link-code"));
        accept("bob", code, UUID.randomUUID()).then().statusCode(422).body("type", equalTo("https://rapport.dev/problems/unknown-contact"));
        accept("bob", "not a code", aliceForBob).then().statusCode(400);

        // Typed in lower case, without dashes: the same code.
        String linkId = accept("bob", code.replace("-", "").toLowerCase(), aliceForBob).then().statusCode(201)
                .extract().path("id");
        as("alice").get("/link-invitations/" + invitation.get("id")).then().body("acceptedAt", notNullValue());
        UUID adminForAlice = contacts.contactOf("admin", "Alice Archer");
        accept("admin", code, adminForAlice).then().statusCode(422).body("type", equalTo("https://rapport.dev/problems/unknown-link-code"));

        // Linked already: a second invitation through the same contact, or with the same member.
        as("alice").contentType(ContentType.JSON).body("{\"partnerId\": \"" + bobForAlice + "\"}").post("/link-invitations")
                .then().statusCode(409).body("type", equalTo("https://rapport.dev/problems/already-linked"));
        UUID bobAgain = contacts.contactOf("alice", "Bob Baker (work)");
        accept("bob", invite("alice", bobAgain).get("code"), contacts.contactOf("bob", "Alice (work)")).then().statusCode(409)
                .body("type", equalTo("https://rapport.dev/problems/already-linked"));
        as("admin").get("/links/" + linkId).then().statusCode(404);
        as("admin").delete("/links/" + linkId).then().statusCode(404);
        as("alice").get("/links/" + linkId).then().statusCode(200);

        Map<String, String> expiring = invite("admin", contacts.contactOf("admin", "Bob Baker"));
        clock.pin(Instant.parse(expiring.get("expiresAt")).plusSeconds(1));
        try {
            accept("bob", expiring.get("code"), contacts.contactOf("bob", "Admin")).then().statusCode(422)
                    .body("type", equalTo("https://rapport.dev/problems/unknown-link-code"));
        } finally {
            clock.unpin();
        }

        Map<String, String> withdrawn = invite("admin", contacts.contactOf("admin", "Bob Baker"));
        as("bob").delete("/link-invitations/" + withdrawn.get("id")).then().statusCode(404);
        as("admin").delete("/link-invitations/" + withdrawn.get("id")).then().statusCode(204);
        accept("bob", withdrawn.get("code"), contacts.contactOf("bob", "Admin")).then().statusCode(422);
    }

    @Test
    void aReferralGivenToAnUnlinkedContactStaysTheGiversOwn() {
        link("alice", bobForAlice, "bob", aliceForBob);
        UUID carol = contacts.contactOf("alice", "Carol Cho");
        String own = give("alice", carol);
        awaitCopyOf(give("alice", bobForAlice));
        as("alice").get("/referrals/" + own).then().body("linkId", nullValue());
        move("alice", own, "{\"to\": \"CONTACTED\"}");
    }

    private String link(String inviter, UUID inviterContact, String invitee, UUID inviteeContact) {
        String code = invite(inviter, inviterContact).get("code");
        return accept(invitee, code, inviteeContact).then().statusCode(201).body("partnerId", equalTo(inviteeContact.toString()))
                .extract().path("id");
    }

    private Map<String, String> invite(String user, UUID partner) {
        return as(user).contentType(ContentType.JSON).body("{\"partnerId\": \"" + partner + "\"}").post("/link-invitations")
                .then().statusCode(201).body("partnerId", equalTo(partner.toString())).extract().jsonPath().getMap("$", String.class, String.class);
    }

    private io.restassured.response.Response accept(String user, String code, UUID partner) {
        return as(user).contentType(ContentType.JSON).body("{\"code\": \"%s\", \"partnerId\": \"%s\"}".formatted(code, partner))
                .post("/links");
    }

    private String give(String user, UUID partner) {
        return created(as(user).contentType(ContentType.JSON).body("""
                {"direction": "GIVEN", "partnerId": "%s", "referredName": "Jo Patel", "occurredAt": "%s"}"""
                .formatted(partner, clock.instant().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS)))
                .post("/referrals"));
    }

    private static String created(io.restassured.response.Response response) {
        return response.then().statusCode(201).extract().path("id");
    }

    private void move(String user, String id, String body) {
        as(user).contentType(ContentType.JSON).body(body).post("/referrals/" + id + "/status").then().statusCode(200);
    }

    /** Bob's copy of alice's referral, once it is there. */
    private JsonPath awaitCopyOf(String given) {
        await().atMost(PATIENCE).until(() -> copiesOf(given), copies -> copies.size() == 1);
        return as("bob").get("/referrals/" + copiesOf(given).get(0)).then().statusCode(200).extract().jsonPath();
    }

    /** The ids of the copies of {@code given}: the API shows neither side the other's referral ids, the database does. */
    private List<UUID> copiesOf(String given) {
        return QuarkusTransaction.requiringNew().call(() -> referrals.find("peerReferralId = ?1 and direction = ?2",
                UUID.fromString(given), Direction.RECEIVED).list().stream().map(referral -> referral.id).toList());
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }
}
