package dev.rapport.meetings.contacts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.rapport.meetings.TestContacts;
import dev.rapport.platform.testing.KafkaTopics;
import dev.rapport.platform.testing.Tokens;
import dev.rapport.platform.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

@QuarkusTest
class ContactsConsumerTest {

    @Inject
    TestContacts contacts;

    @Inject
    EntityManager entityManager;

    private TopicReader deadLetters;

    @BeforeEach
    void listen() {
        deadLetters = new TopicReader(KafkaTopics.SHARED_BROKER, "test.rapport.dlq.meetings-service");
    }

    @AfterEach
    void stopListening() {
        deadLetters.close();
    }

    @Test
    void replicaFollowsCreatedUpdatedAndDeleted() {
        UUID sam = contacts.created("alice", "Sam Carter");
        ContactReplica created = contacts.replicaOf(sam);
        assertThat(created.ownerId).hasToString(Tokens.subjectOf("alice"));
        assertThat(created.deleted).isFalse();

        contacts.send(UUID.randomUUID().toString(), "alice", TestContacts.UPDATED, sam,
                TestContacts.profile(sam, "Samantha Carter", "updatedAt"));
        contacts.awaitName(sam, "Samantha Carter");

        contacts.send(UUID.randomUUID().toString(), "alice", TestContacts.DELETED, sam, TestContacts.deletion(sam));
        await().atMost(Duration.ofSeconds(30)).until(() -> contacts.replicaOf(sam).deleted);
        given().auth().oauth2(Tokens.of("alice")).contentType(ContentType.JSON)
                .body("{\"contactId\": \"" + sam + "\", \"kind\": \"CALL\", \"occurredAt\": \"2026-01-05T10:00:00Z\"}")
                .post("/touchpoints")
                .then().statusCode(422)
                .body("type", equalTo("https://rapport.dev/problems/unknown-contact"));
    }

    @Test
    void deletionDeliveredBeforeTheCreationLeavesTheContactDeleted() {
        UUID sam = UUID.randomUUID();
        contacts.send(UUID.randomUUID().toString(), "alice", TestContacts.DELETED, sam, TestContacts.deletion(sam));
        // As a replay from the dead-letter topic would deliver them: after the deletion, with later ce_times.
        contacts.send(UUID.randomUUID().toString(), "alice", TestContacts.CREATED, sam,
                TestContacts.profile(sam, "Sam Carter", "createdAt"));
        contacts.send(UUID.randomUUID().toString(), "alice", TestContacts.UPDATED, sam,
                TestContacts.profile(sam, "Samantha Carter", "updatedAt"));

        // Same owner, same partition: once this later contact is in the replica, all three were consumed.
        contacts.created("alice", "Marker " + sam);
        ContactReplica tombstone = contacts.replicaOf(sam);
        assertThat(tombstone.deleted).isTrue();
        assertThat(tombstone.ownerId).hasToString(Tokens.subjectOf("alice"));
        given().auth().oauth2(Tokens.of("alice")).contentType(ContentType.JSON)
                .body("{\"contactId\": \"" + sam + "\", \"kind\": \"CALL\", \"occurredAt\": \"2026-01-05T10:00:00Z\"}")
                .post("/touchpoints")
                .then().statusCode(422)
                .body("type", equalTo("https://rapport.dev/problems/unknown-contact"));
        assertThat(deadLetters.poll(TopicReader.withSubject(sam))).isEmpty();
    }

    @Test
    void anotherOwnersEventsLeaveTheContactAlone() {
        UUID sam = contacts.created("alice", "Sam Carter");
        contacts.send(UUID.randomUUID().toString(), "bob", TestContacts.UPDATED, sam,
                TestContacts.profile(sam, "Not Sam", "updatedAt"));
        contacts.send(UUID.randomUUID().toString(), "bob", TestContacts.DELETED, sam, TestContacts.deletion(sam));

        // Bob's events share a partition: once his later contact is in the replica, both were consumed.
        contacts.created("bob", "Marker " + sam);
        ContactReplica row = contacts.replicaOf(sam);
        assertThat(row.ownerId).hasToString(Tokens.subjectOf("alice"));
        assertThat(row.name).isEqualTo("Sam Carter");
        assertThat(row.deleted).isFalse();
    }

    @Test
    void sameEventDeliveredTwiceHasOneEffect() {
        UUID sam = UUID.randomUUID();
        String created = UUID.randomUUID().toString();
        contacts.send(created, "alice", TestContacts.CREATED, sam, TestContacts.profile(sam, "Sam", "createdAt"));
        contacts.send(UUID.randomUUID().toString(), "alice", TestContacts.UPDATED, sam,
                TestContacts.profile(sam, "Samantha", "updatedAt"));
        // The copy carries a later ce_time than the update: applied again, it would rename Samantha back to Sam.
        contacts.send(created, "alice", TestContacts.CREATED, sam, TestContacts.profile(sam, "Sam", "createdAt"));

        // Same owner, same partition: once this later contact is in the replica, both copies were consumed.
        contacts.created("alice", "Marker " + sam);
        assertThat(contacts.replicaOf(sam).name).isEqualTo("Samantha");
        assertThat(processedCount(created)).isEqualTo(1);
    }

    @Test
    void unreadableRecordsGoToTheDeadLetterTopicAndTheNextIsApplied() {
        UUID broken = UUID.randomUUID();
        contacts.send(UUID.randomUUID().toString(), "alice", TestContacts.CREATED, broken,
                "{\"contactId\": \"not-a-uuid\", \"name\": \"Broken\"}");
        String key = "not-a-cloud-event-" + UUID.randomUUID();
        contacts.sendRaw(key, "{}");
        UUID next = contacts.created("alice", "After the poison");

        assertThat(contacts.replicaOf(broken)).isNull();
        assertThat(contacts.replicaOf(next)).isNotNull();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> dead = deadLetters.poll(TopicReader.withSubject(broken));
            assertThat(dead).hasSize(1);
            assertThat(TopicReader.header(dead.get(0), "dead-letter-reason")).contains("does not fit ContactProfile");
            assertThat(deadLetters.poll(r -> key.equals(r.key()))).hasSize(1);
        });
    }

    @Test
    void eventTypesItDoesNotNeedAreSkipped() {
        UUID sam = contacts.created("alice", "Sam Carter");
        String skipped = UUID.randomUUID().toString();
        contacts.send(skipped, "alice", "rapport.contact.stage-changed.v1", sam,
                "{\"contactId\": \"" + sam + "\", \"stage\": \"EXPLORING\"}");
        contacts.created("alice", "Marker " + sam);

        assertThat(processedCount(skipped)).isEqualTo(1);
        assertThat(contacts.replicaOf(sam).name).isEqualTo("Sam Carter");
        assertThat(deadLetters.poll(TopicReader.withSubject(sam))).isEmpty();
    }

    private long processedCount(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> (Long) entityManager
                .createNativeQuery("select count(*) from processed_event where consumer = ?1 and event_id = ?2", Long.class)
                .setParameter(1, ContactsConsumer.CONSUMER)
                .setParameter(2, eventId)
                .getSingleResult());
    }
}
