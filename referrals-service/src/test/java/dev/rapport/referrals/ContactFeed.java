package dev.rapport.referrals;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;

import dev.rapport.platform.testing.CloudEventProducer;
import dev.rapport.platform.testing.KafkaTopics;
import dev.rapport.platform.testing.Tokens;
import dev.rapport.referrals.contacts.ContactReplica;
import dev.rapport.referrals.contacts.ContactReplicaRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/** Plays contacts-service for the tests: publishes its events and waits until the replica has them. */
@ApplicationScoped
public class ContactFeed {

    public static final String CREATED = "rapport.contact.created.v1";
    public static final String UPDATED = "rapport.contact.updated.v1";
    public static final String DELETED = "rapport.contact.deleted.v1";

    private final CloudEventProducer producer = new CloudEventProducer(KafkaTopics.SHARED_BROKER,
            "test.rapport.contacts.v1", "/rapport/contacts-service");
    private final ContactReplicaRepository replicas;

    ContactFeed(ContactReplicaRepository replicas) {
        this.replicas = replicas;
    }

    /** A new contact of {@code user}'s, in the replica when this returns. */
    public UUID contactOf(String user, String name) {
        UUID id = UUID.randomUUID();
        send(user, CREATED, id, profile(id, name));
        awaitReplica(id, replica -> replica != null && name.equals(replica.name));
        return id;
    }

    /** Deletes {@code user}'s contact and waits until the replica knows. */
    public void delete(String user, UUID id) {
        send(user, DELETED, id, "{\"contactId\": \"" + id + "\", \"deletedAt\": \"2026-11-25T09:00:00Z\"}");
        awaitReplica(id, replica -> replica != null && replica.deleted);
    }

    public String send(String user, String type, UUID subject, String json) {
        return producer.send(Tokens.subjectOf(user), type, subject.toString(), json);
    }

    public String send(String eventId, String user, String type, UUID subject, String json) {
        return producer.send(eventId, Tokens.subjectOf(user), type, subject.toString(), json);
    }

    public void sendRaw(String user, String value) {
        producer.sendRaw(Tokens.subjectOf(user), value);
    }

    public ContactReplica replica(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> replicas.findById(id));
    }

    public void awaitReplica(UUID id, Predicate<ContactReplica> condition) {
        await().atMost(Duration.ofSeconds(30)).until(() -> replica(id), condition::test);
    }

    /** A contact event's body as contacts-service publishes it, with more than referrals-service reads. */
    public static String profile(UUID id, String name) {
        return """
                {"contactId": "%s", "name": "%s", "company": "Carter & Co", "role": null, "email": null, "phone": null,
                 "business": null, "targetMarket": null, "idealClient": null, "tags": ["bni"], "source": "OTHER",
                 "createdAt": "2026-11-23T10:15:30Z"}""".formatted(id, name);
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
