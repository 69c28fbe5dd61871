package dev.rapport.referrals.contacts;

import static dev.rapport.referrals.ContactFeed.CREATED;
import static dev.rapport.referrals.ContactFeed.DELETED;
import static dev.rapport.referrals.ContactFeed.UPDATED;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.rapport.platform.testing.KafkaTopics;
import dev.rapport.platform.testing.Tokens;
import dev.rapport.platform.testing.TopicReader;
import dev.rapport.referrals.ContactFeed;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

@QuarkusTest
class ContactsConsumerTest {

    @Inject
    ContactFeed contacts;

    @Test
    void createdUpdatedAndDeletedEventsKeepTheReplica() {
        UUID id = UUID.randomUUID();
        contacts.send("alice", CREATED, id, ContactFeed.profile(id, "Sam Carter"));
        contacts.awaitReplica(id, replica -> replica != null && "Sam Carter".equals(replica.name));
        assertThat(contacts.replica(id).ownerId).hasToString(Tokens.subjectOf("alice"));
        assertThat(contacts.replica(id).deleted).isFalse();

        contacts.send("alice", UPDATED, id, ContactFeed.profile(id, "Sam Carter-Jones"));
        contacts.awaitReplica(id, replica -> "Sam Carter-Jones".equals(replica.name));

        contacts.delete("alice", id);
        assertThat(contacts.replica(id).name).as("kept for the referrals recorded with them").isEqualTo("Sam Carter-Jones");
    }

    @Test
    void deletionDeliveredBeforeTheCreationLeavesTheContactDeleted() {
        UUID id = UUID.randomUUID();
        contacts.send("alice", DELETED, id, "{\"contactId\": \"" + id + "\", \"deletedAt\": \"2026-11-25T09:00:00Z\"}");
        // As a replay from the dead-letter topic would deliver them: after the deletion, with later ce_times.
        contacts.send("alice", CREATED, id, ContactFeed.profile(id, "Sam Carter"));
        contacts.send("alice", UPDATED, id, ContactFeed.profile(id, "Sam Carter-Jones"));

        // One owner's events share a partition: once this later one is applied, so were all three.
        contacts.contactOf("alice", "Marker " + id);
        assertThat(contacts.replica(id).deleted).isTrue();
        assertThat(contacts.replica(id).ownerId).hasToString(Tokens.subjectOf("alice"));
        given().auth().oauth2(Tokens.of("alice")).contentType(ContentType.JSON)
                .body("""
                        {"direction": "GIVEN", "partnerId": "%s", "referredName": "Jo Patel", "occurredAt": "2026-01-05T10:00:00Z"}"""
                        .formatted(id))
                .post("/referrals")
                .then().statusCode(422)
                .body("type", equalTo("https://rapport.dev/problems/unknown-contact"));
    }

    @Test
    void anotherOwnersEventsLeaveTheContactAlone() {
        UUID id = contacts.contactOf("alice", "Sam Carter");
        contacts.send("bob", UPDATED, id, ContactFeed.profile(id, "Not Sam"));
        contacts.send("bob", DELETED, id, "{\"contactId\": \"" + id + "\", \"deletedAt\": \"2026-11-25T09:00:00Z\"}");

        // Bob's events share a partition: once his later contact is applied, so were both.
        contacts.contactOf("bob", "Marker " + id);
        assertThat(contacts.replica(id).ownerId).hasToString(Tokens.subjectOf("alice"));
        assertThat(contacts.replica(id).name).isEqualTo("Sam Carter");
        assertThat(contacts.replica(id).deleted).isFalse();
    }

    @Test
    void sameEventDeliveredTwiceHasOneEffect() {
        UUID id = UUID.randomUUID();
        String first = contacts.send("alice", CREATED, id, ContactFeed.profile(id, "First name"));
        contacts.awaitReplica(id, replica -> replica != null && "First name".equals(replica.name));
        contacts.send("alice", UPDATED, id, ContactFeed.profile(id, "Second name"));
        contacts.send(first, "alice", CREATED, id, ContactFeed.profile(id, "First name"));

        // One owner's events share a partition: once this later one is applied, so was the copy.
        contacts.contactOf("alice", "Marker " + id);
        assertThat(contacts.replica(id).name).isEqualTo("Second name");
    }

    @Test
    void unreadableRecordsGoToTheDeadLetterTopicAndTheNextIsApplied() {
        String marker = UUID.randomUUID().toString();
        UUID id = UUID.randomUUID();
        try (TopicReader deadLetters = new TopicReader(KafkaTopics.SHARED_BROKER, "test.rapport.dlq.referrals-service")) {
            contacts.sendRaw("alice", "{not a cloud event " + marker);
            contacts.send("alice", "rapport.contact.stage-changed.v1", id, "{\"skipped\": \"" + marker + "\"}");
            contacts.send("alice", CREATED, id, "{\"contactId\": \"" + id + "\", \"note\": \"" + marker + "\"}");
            UUID next = contacts.contactOf("alice", "After the poison");
            assertThat(contacts.replica(next).name).isEqualTo("After the poison");

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(deadLetters.poll(r -> r.value().contains(marker))).hasSize(2));
            List<ConsumerRecord<String, String>> dead = deadLetters.poll(r -> r.value().contains(marker));
            assertThat(dead).extracting(r -> TopicReader.header(r, "dead-letter-reason"))
                    .satisfiesExactlyInAnyOrder(
                            reason -> assertThat(reason).contains("ce_id"),
                            reason -> assertThat(reason).contains("no contactId or name"));
            assertThat(contacts.replica(id)).as("the created event without a name").isNull();
        }
    }
}
