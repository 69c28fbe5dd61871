package dev.rapport.referrals.contacts;

import static dev.rapport.referrals.Ledger.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.rapport.referrals.ContactFeed;
import dev.rapport.referrals.Ledger;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

@QuarkusTest
class ContactErasureTest {

    static final String ERASED = "rapport.contact.erased.v1";

    @Inject
    ContactFeed contacts;
    @Inject
    EntityManager entityManager;
    @Inject
    Clock clock;

    @Test
    void erasureAnonymisesWhatNamesThePersonAndKeepsEveryEntryAmountDateAndDirection() {
        UUID partner = contacts.contactOf("alice", "Sam Carter");
        UUID person = contacts.contactOf("alice", "Jo Patel");
        Instant at = clock.instant().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        String about = as("alice").contentType(ContentType.JSON)
                .body("""
                        {"direction": "GIVEN", "partnerId": "%s", "referredContactId": "%s", "referredCompany": "Patel Design",
                         "referredEmail": "jo@patel.example", "referredAgreedToContact": true, "need": "Books for Jo's studio",
                         "occurredAt": "%s", "notes": "Jo is expecting Sam's call"}""".formatted(partner, person, at))
                .post("/referrals").then().statusCode(201).extract().path("id");
        as("alice").contentType(ContentType.JSON).body("{\"to\": \"CONTACTED\", \"note\": \"Sam called Jo\"}")
                .post("/referrals/" + about + "/status").then().statusCode(200);
        as("alice").contentType(ContentType.JSON)
                .body("{\"to\": \"WON\", \"value\": {\"amount\": \"100\", \"currency\": \"EUR\"}, \"note\": \"Jo signed\"}")
                .post("/referrals/" + about + "/status").then().statusCode(200);
        String fromThem = Ledger.record("alice", "RECEIVED", person, at);
        as("alice").contentType(ContentType.JSON).body("{\"to\": \"LOST\", \"note\": \"Jo's lead went cold\"}")
                .post("/referrals/" + fromThem + "/status").then().statusCode(200);
        String unrelated = as("alice").contentType(ContentType.JSON)
                .body("""
                        {"direction": "GIVEN", "partnerId": "%s", "referredName": "Ann Other", "occurredAt": "%s", "notes": "kept"}"""
                        .formatted(partner, at))
                .post("/referrals").then().statusCode(201).extract().path("id");
        long outboxBefore = count("select count(*) from outbox_event where subject = ?1", about);
        assertThat(outboxBefore).isPositive();

        String eventId = erase("alice", person);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("alice").get("/referrals/" + about).then().body("erasedAt", notNullValue()));

        as("alice").get("/referrals/" + about).then().statusCode(200)
                .body("referredName", equalTo("(erased)"))
                .body("referredContactId", equalTo(person.toString()))
                .body("referredCompany", nullValue())
                .body("referredEmail", nullValue())
                .body("need", nullValue())
                .body("notes", nullValue())
                .body("direction", equalTo("GIVEN"))
                .body("occurredAt", equalTo(at.toString()))
                .body("status", equalTo("WON"))
                .body("value.amount", equalTo("100.00"));
        as("alice").get("/referrals/" + about + "/history").then()
                .body("items.status", contains("OPEN", "CONTACTED", "WON"))
                .body("items.note", contains(null, null, null))
                .body("items[2].value.amount", equalTo("100.00"));
        as("alice").get("/referrals/" + fromThem).then()
                .body("referredName", equalTo("Jo Patel")).body("erasedAt", notNullValue()).body("status", equalTo("LOST"));
        as("alice").get("/referrals/" + fromThem + "/history").then().body("items.note", contains(null, null));
        as("alice").get("/referrals/" + unrelated).then().body("notes", equalTo("kept")).body("erasedAt", nullValue());
        as("alice").get("/partners/" + partner + "/balance").then()
                .body("given", equalTo(2)).body("wonGiven.amount", contains("100.00"));
        assertThat(count("select count(*) from outbox_event where subject = ?1", about)).isZero();
        assertThat(contacts.replica(person).name).isEmpty();
        assertThat(contacts.replica(person).deleted).isTrue();

        // The same event again, and another owner's erasure of the same id: no further effect.
        contacts.send(eventId, "alice", ERASED, person, body(person));
        erase("bob", partner);
        contacts.contactOf("alice", "Marker " + person);
        contacts.contactOf("bob", "Marker " + person);
        as("alice").get("/referrals/" + unrelated).then().body("notes", equalTo("kept"));
        assertThat(contacts.replica(partner).name).isEqualTo("Sam Carter");
    }

    private String erase(String user, UUID contact) {
        contacts.send(user, ContactFeed.DELETED, contact, "{\"contactId\": \"" + contact + "\", \"deletedAt\": \"2026-11-25T09:00:00Z\"}");
        return contacts.send(user, ERASED, contact, body(contact));
    }

    private static String body(UUID contact) {
        return "{\"contactId\": \"" + contact + "\", \"erasedAt\": \"2026-11-25T09:00:00Z\"}";
    }

    private long count(String sql, String subject) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery(sql).setParameter(1, subject).getSingleResult()).longValue());
    }
}
