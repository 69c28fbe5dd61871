package dev.rapport.referrals.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.rapport.platform.testing.KafkaTopics;
import dev.rapport.platform.testing.Tokens;
import dev.rapport.platform.testing.TopicReader;
import dev.rapport.referrals.ContactFeed;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

@QuarkusTest
class ReferralEventsTest {

    @Inject
    ContactFeed contacts;
    @Inject
    Clock clock;

    private TopicReader topic;

    @BeforeEach
    void listen() {
        topic = new TopicReader(KafkaTopics.SHARED_BROKER, "test.rapport.referrals.v1");
    }

    @AfterEach
    void stopListening() {
        topic.close();
    }

    @Test
    void eachReferralPublishesOneCloudEventOfItsDirection() {
        String alice = Tokens.subjectOf("alice");
        UUID partner = contacts.contactOf("alice", "Sam Carter");
        Instant occurredAt = clock.instant().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        UUID given = record("GIVEN", partner, occurredAt);
        UUID received = record("RECEIVED", partner, occurredAt);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(topic.poll(r -> ours(r, given, received))).hasSize(2));
        List<ConsumerRecord<String, String>> events = topic.poll(r -> ours(r, given, received));
        assertThat(events).extracting(r -> TopicReader.header(r, "ce_type"))
                .containsExactly(ReferralGiven.TYPE, ReferralReceived.TYPE);
        assertThat(events).extracting(r -> TopicReader.header(r, "ce_subject")).containsExactly(given.toString(), received.toString());
        assertThat(events).allSatisfy(record -> {
            assertThat(record.key()).isEqualTo(alice);
            assertThat(TopicReader.headers(record))
                    .containsEntry("ce_specversion", "1.0")
                    .containsEntry("ce_source", "/rapport/referrals-service")
                    .containsEntry("ce_ownerid", alice)
                    .containsEntry("content-type", "application/json")
                    .containsKeys("ce_id", "ce_time");
            assertThat(record.value())
                    .contains("\"partnerId\":\"" + partner + "\"", "\"referredName\":\"Jo Patel\"",
                            "\"need\":\"Bookkeeping\"", "\"occurredAt\":\"" + occurredAt + "\"")
                    .doesNotContain("private");
        });
        assertThat(events.get(0).value()).contains("\"referralId\":\"" + given + "\"");
    }

    @Test
    void eachLifecycleStepPublishesItsEventsInOrderThroughTheOutbox() {
        UUID partner = contacts.contactOf("alice", "Sam Carter");
        UUID id = record("RECEIVED", partner, clock.instant().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS));
        change(id, "status", "{\"to\": \"CONTACTED\", \"note\": \"private\"}");
        change(id, "status", "{\"to\": \"WON\", \"value\": {\"amount\": \"99.9\", \"currency\": \"GBP\"}, \"note\": \"private\"}");
        change(id, "thanks", "{\"note\": \"private\"}");
        change(id, "reversal", "{\"note\": \"private\"}");
        change(id, "status", "{\"to\": \"LOST\"}");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(topic.poll(r -> ours(r, id))).hasSize(8));
        List<ConsumerRecord<String, String>> events = topic.poll(r -> ours(r, id));
        assertThat(events).extracting(r -> TopicReader.header(r, "ce_type")).containsExactly(
                ReferralReceived.TYPE, ReferralStatusChanged.TYPE, ReferralStatusChanged.TYPE, ReferralWon.TYPE,
                ReferralThanked.TYPE, ReferralStatusChanged.TYPE, ReferralStatusChanged.TYPE, ReferralLost.TYPE);
        assertThat(events).allSatisfy(record -> assertThat(record.value())
                .contains("\"referralId\":\"" + id + "\"", "\"partnerId\":\"" + partner + "\"").doesNotContain("private"));
        assertThat(events.get(2).value()).contains("\"from\":\"CONTACTED\"", "\"to\":\"WON\"", "\"reversal\":false",
                "\"value\":{\"amount\":\"99.90\",\"currency\":\"GBP\"}");
        assertThat(events.get(3).value()).contains("\"direction\":\"RECEIVED\"", "\"value\":{\"amount\":\"99.90\",\"currency\":\"GBP\"}");
        assertThat(events.get(5).value()).contains("\"from\":\"WON\"", "\"to\":\"CONTACTED\"", "\"reversal\":true");
        assertThat(events.get(7).value()).contains("\"status\":\"LOST\"");
    }

    private void change(UUID id, String action, String body) {
        given().auth().oauth2(Tokens.of("alice")).contentType(ContentType.JSON).body(body)
                .post("/referrals/" + id + "/" + action)
                .then().statusCode(200);
    }

    private UUID record(String direction, UUID partner, Instant occurredAt) {
        String location = given().auth().oauth2(Tokens.of("alice")).contentType(ContentType.JSON)
                .body("""
                        {"direction": "%s", "partnerId": "%s", "referredName": "Jo Patel", "need": "Bookkeeping",
                         "occurredAt": "%s", "notes": "private"}""".formatted(direction, partner, occurredAt))
                .post("/referrals")
                .then().statusCode(201).extract().header("Location");
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    private static boolean ours(ConsumerRecord<String, String> record, UUID... subjects) {
        for (UUID subject : subjects) {
            if (TopicReader.withSubject(subject).test(record)) {
                return true;
            }
        }
        return false;
    }
}
