package dev.rapport.meetings;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.rapport.meetings.contacts.ContactReplica;
import dev.rapport.meetings.contacts.ContactReplicaRepository;
import dev.rapport.platform.testing.CloudEventProducer;
import dev.rapport.platform.testing.KafkaTopics;
import dev.rapport.platform.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/** Announces contacts on the test contacts topic the way contacts-service does, and reads the replica. */
@ApplicationScoped
public class TestContacts {

    public static final String TOPIC = "test.rapport.contacts.v1";
    public static final String CREATED = "rapport.contact.created.v1";
    public static final String UPDATED = "rapport.contact.updated.v1";
    public static final String DELETED = "rapport.contact.deleted.v1";

    private final ContactReplicaRepository replica;
    private final CloudEventProducer producer = new CloudEventProducer(KafkaTopics.SHARED_BROKER, TOPIC, "/rapport/contacts-service");

    TestContacts(ContactReplicaRepository replica) {
        this.replica = replica;
    }

    @PreDestroy
    void close() {
        producer.close();
    }

    /** A new contact of {@code user}'s, once the replica has it. */
    public UUID created(String user, String name) {
        UUID contactId = UUID.randomUUID();
        send(UUID.randomUUID().toString(), user, CREATED, contactId, profile(contactId, name, "createdAt"));
        awaitName(contactId, name);
        return contactId;
    }

    /** Sends one contact event of {@code user}'s with the given id; returns at once. */
    public void send(String eventId, String user, String type, UUID contactId, String json) {
        producer.send(eventId, Tokens.subjectOf(user), type, contactId.toString(), json);
    }

    public void sendRaw(String key, String value) {
        producer.sendRaw(key, value);
    }

    /** The body contacts-service publishes for a created or updated contact: the whole profile. */
    public static String profile(UUID contactId, String name, String timeField) {
        return """
                {"contactId": "%s", "name": "%s", "company": "Carter & Co", "role": null, "email": null,
                 "phone": null, "business": null, "targetMarket": null, "idealClient": null, "tags": ["bni"],
                 "source": "MET_AT_EVENT", "%s": "%s"}""".formatted(contactId, name, timeField, Instant.now());
    }

    public static String deletion(UUID contactId) {
        return "{\"contactId\": \"%s\", \"deletedAt\": \"%s\"}".formatted(contactId, Instant.now());
    }

    /** The replica's row for the contact, or null. */
    public ContactReplica replicaOf(UUID contactId) {
        return QuarkusTransaction.requiringNew().call(() -> replica.findById(contactId));
    }

    public void awaitName(UUID contactId, String name) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            ContactReplica row = replicaOf(contactId);
            return row != null && name.equals(row.name);
        });
    }
}
