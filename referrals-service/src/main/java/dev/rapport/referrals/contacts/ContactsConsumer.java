package dev.rapport.referrals.contacts;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.platform.inbox.IdempotentConsumer;
import dev.rapport.platform.inbox.InboundEvent;
import dev.rapport.platform.inbox.MalformedEventException;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

/**
 * Keeps the replica of the owners' contacts from {@code rapport.contacts.v1}. A record that is
 * not a readable event goes to the dead-letter topic; a failure that may pass (the database
 * restarting, a deadlock) is retried, see {@link IdempotentConsumer}.
 */
@ApplicationScoped
public class ContactsConsumer {

    static final String CONSUMER = "referrals-service.contacts";
    static final String CONTACT_CREATED = "rapport.contact.created.v1";
    static final String CONTACT_UPDATED = "rapport.contact.updated.v1";
    static final String CONTACT_DELETED = "rapport.contact.deleted.v1";
    static final String CONTACT_ERASED = "rapport.contact.erased.v1";

    private final IdempotentConsumer consumer;
    private final ContactReplicaRepository replicas;
    private final ObjectMapper mapper;
    private final Event<ContactErasure> erasures;
    private final Event<ContactGone> departures;

    ContactsConsumer(IdempotentConsumer consumer, ContactReplicaRepository replicas, ObjectMapper mapper,
            Event<ContactErasure> erasures, Event<ContactGone> departures) {
        this.consumer = consumer;
        this.replicas = replicas;
        this.mapper = mapper;
        this.erasures = erasures;
        this.departures = departures;
    }

    @Incoming("contacts")
    @Blocking
    public void consume(List<ConsumerRecord<String, String>> records, IncomingKafkaRecordBatchMetadata<String, String> batch) {
        consumer.applyAll(CONSUMER, batch, this::apply);
    }

    private void apply(InboundEvent event) {
        switch (event.type()) {
            case CONTACT_CREATED, CONTACT_UPDATED -> profileChanged(event);
            case CONTACT_DELETED -> contactDeleted(event);
            case CONTACT_ERASED -> contactErased(event);
            default -> Log.debugf("Skipping event %s of type %s: referrals-service does not use it", event.id(), event.type());
        }
    }

    private void profileChanged(InboundEvent event) {
        ContactProfile profile = event.dataAs(ContactProfile.class, mapper);
        if (profile.contactId() == null || profile.name() == null || profile.name().isBlank()) {
            throw new MalformedEventException("Event " + event.id() + " of type " + event.type() + " has no contactId or name");
        }
        if (replicas.upsert(event.ownerId(), profile.contactId(), profile.name(), event.time()) == 0) {
            Log.debugf("Event %s changed nothing: older than the replica's row, or another owner's contact", event.id());
        }
    }

    private void contactDeleted(InboundEvent event) {
        ContactDeleted deleted = event.dataAs(ContactDeleted.class, mapper);
        if (deleted.contactId() == null) {
            throw new MalformedEventException("Event " + event.id() + " of type " + event.type() + " has no contactId");
        }
        if (replicas.markDeleted(event.ownerId(), deleted.contactId(), event.time()) == 0) {
            Log.debugf("Event %s changed nothing: contact %s is another owner's", event.id(), deleted.contactId());
            return;
        }
        departures.fire(new ContactGone(event.ownerId(), deleted.contactId()));
    }

    /**
     * The right to be forgotten: the replica keeps a nameless tombstone, and the referral
     * package anonymises what names the person (see {@link ContactErasure}'s observers).
     */
    private void contactErased(InboundEvent event) {
        ContactErased erased = event.dataAs(ContactErased.class, mapper);
        if (erased.contactId() == null) {
            throw new MalformedEventException("Event " + event.id() + " of type " + event.type() + " has no contactId");
        }
        if (replicas.erase(event.ownerId(), erased.contactId(), event.time()) == 0) {
            Log.debugf("Event %s changed nothing: contact %s is another owner's", event.id(), erased.contactId());
            return;
        }
        erasures.fire(new ContactErasure(event.ownerId(), erased.contactId()));
        departures.fire(new ContactGone(event.ownerId(), erased.contactId()));
    }
}
