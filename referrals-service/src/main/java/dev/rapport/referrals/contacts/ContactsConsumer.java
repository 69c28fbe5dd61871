package dev.rapport.referrals.contacts;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.platform.inbox.InboundEvent;
import dev.rapport.platform.inbox.MalformedEventException;
import dev.rapport.platform.inbox.ProcessedEvents;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Keeps the replica of the owners' contacts from {@code rapport.contacts.v1}. A record that is
 * not a readable event fails the transaction and goes to the dead-letter topic.
 */
@ApplicationScoped
public class ContactsConsumer {

    static final String CONSUMER = "referrals-service.contacts";
    static final String CONTACT_CREATED = "rapport.contact.created.v1";
    static final String CONTACT_UPDATED = "rapport.contact.updated.v1";
    static final String CONTACT_DELETED = "rapport.contact.deleted.v1";

    private final ContactReplicaRepository replicas;
    private final ProcessedEvents processed;
    private final ObjectMapper mapper;

    ContactsConsumer(ContactReplicaRepository replicas, ProcessedEvents processed, ObjectMapper mapper) {
        this.replicas = replicas;
        this.processed = processed;
        this.mapper = mapper;
    }

    @Incoming("contacts")
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        InboundEvent event = InboundEvent.from(record, mapper);
        switch (event.type()) {
            case CONTACT_CREATED, CONTACT_UPDATED -> profileChanged(event);
            case CONTACT_DELETED -> contactDeleted(event);
            default -> Log.debugf("Skipping event %s of type %s: referrals-service does not use it", event.id(), event.type());
        }
    }

    private void profileChanged(InboundEvent event) {
        ContactProfile profile = event.dataAs(ContactProfile.class, mapper);
        if (profile.contactId() == null || profile.name() == null || profile.name().isBlank()) {
            throw new MalformedEventException("Event " + event.id() + " of type " + event.type() + " has no contactId or name");
        }
        if (processed.firstDelivery(CONSUMER, event.id())) {
            replicas.upsert(event.ownerId(), profile.contactId(), profile.name(), event.time());
        }
    }

    private void contactDeleted(InboundEvent event) {
        ContactDeleted deleted = event.dataAs(ContactDeleted.class, mapper);
        if (deleted.contactId() == null) {
            throw new MalformedEventException("Event " + event.id() + " of type " + event.type() + " has no contactId");
        }
        if (processed.firstDelivery(CONSUMER, event.id())
                && replicas.markDeleted(event.ownerId(), deleted.contactId(), event.time()) == 0) {
            Log.debugf("Contact %s deleted before referrals-service knew it", deleted.contactId());
        }
    }
}
