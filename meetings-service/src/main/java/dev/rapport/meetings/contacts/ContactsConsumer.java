package dev.rapport.meetings.contacts;

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
 * Keeps the contact replica from contacts-service's events on {@code rapport.contacts.v1}.
 * A record it cannot read fails the transaction and goes to the dead-letter topic.
 */
@ApplicationScoped
public class ContactsConsumer {

    static final String CONSUMER = "meetings-service.contacts";
    static final String CREATED = "rapport.contact.created.v1";
    static final String UPDATED = "rapport.contact.updated.v1";
    static final String DELETED = "rapport.contact.deleted.v1";

    private final ProcessedEvents processed;
    private final ContactReplicaRepository replica;
    private final ObjectMapper mapper;

    ContactsConsumer(ProcessedEvents processed, ContactReplicaRepository replica, ObjectMapper mapper) {
        this.processed = processed;
        this.replica = replica;
        this.mapper = mapper;
    }

    @Incoming("contacts")
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        InboundEvent event = InboundEvent.from(record, mapper);
        if (!processed.firstDelivery(CONSUMER, event.id())) {
            Log.debugf("Event %s was already applied", event.id());
            return;
        }
        switch (event.type()) {
            case CREATED, UPDATED -> {
                ContactProfile profile = event.dataAs(ContactProfile.class, mapper);
                if (profile.contactId() == null || profile.name() == null || profile.name().isBlank()) {
                    throw new MalformedEventException("Event " + event.id() + " lacks contactId or name");
                }
                replica.upsert(event.ownerId(), profile.contactId(), profile.name(), event.time());
            }
            case DELETED -> {
                ContactDeleted deleted = event.dataAs(ContactDeleted.class, mapper);
                if (deleted.contactId() == null) {
                    throw new MalformedEventException("Event " + event.id() + " lacks contactId");
                }
                replica.markDeleted(deleted.contactId(), event.time());
            }
            default -> Log.debugf("Skipping event %s of type %s, which this service does not need", event.id(), event.type());
        }
    }
}
