package dev.rapport.meetings.contacts;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.platform.inbox.IdempotentConsumer;
import dev.rapport.platform.idempotency.IdempotencyStore;
import dev.rapport.platform.outbox.Outbox;
import dev.rapport.platform.inbox.InboundEvent;
import dev.rapport.platform.inbox.MalformedEventException;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

/**
 * Keeps the contact replica from contacts-service's events on {@code rapport.contacts.v1}.
 * A record it cannot read goes to the dead-letter topic; a failure that may pass (the database
 * restarting, a deadlock) is retried, see {@link IdempotentConsumer}.
 */
@ApplicationScoped
public class ContactsConsumer {

    static final String CONSUMER = "meetings-service.contacts";
    static final String CREATED = "rapport.contact.created.v1";
    static final String UPDATED = "rapport.contact.updated.v1";
    static final String DELETED = "rapport.contact.deleted.v1";
    static final String ERASED = "rapport.contact.erased.v1";

    private final IdempotentConsumer consumer;
    private final ContactReplicaRepository replica;
    private final ObjectMapper mapper;
    private final Event<ContactErasure> erasures;
    private final Event<ContactMetAtEvent> metAtEvent;
    private final Outbox outbox;
    private final IdempotencyStore idempotency;

    ContactsConsumer(IdempotentConsumer consumer, ContactReplicaRepository replica, ObjectMapper mapper, Event<ContactErasure> erasures,
            Event<ContactMetAtEvent> metAtEvent, Outbox outbox, IdempotencyStore idempotency) {
        this.consumer = consumer;
        this.replica = replica;
        this.mapper = mapper;
        this.erasures = erasures;
        this.metAtEvent = metAtEvent;
        this.outbox = outbox;
        this.idempotency = idempotency;
    }

    @Incoming("contacts")
    @Blocking
    public void consume(List<ConsumerRecord<String, String>> records, IncomingKafkaRecordBatchMetadata<String, String> batch) {
        consumer.applyAll(CONSUMER, batch, this::apply);
    }

    private void apply(InboundEvent event) {
        switch (event.type()) {
            case CREATED, UPDATED -> {
                ContactProfile profile = event.dataAs(ContactProfile.class, mapper);
                if (profile.contactId() == null || profile.name() == null || profile.name().isBlank()) {
                    throw new MalformedEventException("Event " + event.id() + " lacks contactId or name");
                }
                if (replica.upsert(event.ownerId(), profile.contactId(), profile.name(), event.time()) == 0) {
                    Log.debugf("Event %s changed nothing: older than the replica's row, or another owner's contact", event.id());
                    return;
                }
                // Only at creation: a later update must not bring back an attendee the owner removed.
                if (CREATED.equals(event.type()) && profile.metAtEventId() != null) {
                    metAtEvent.fire(new ContactMetAtEvent(event.ownerId(), profile.contactId(), profile.metAtEventId(), event.time()));
                }
            }
            case DELETED -> {
                ContactDeleted deleted = event.dataAs(ContactDeleted.class, mapper);
                if (deleted.contactId() == null) {
                    throw new MalformedEventException("Event " + event.id() + " lacks contactId");
                }
                if (replica.markDeleted(event.ownerId(), deleted.contactId(), event.time()) == 0) {
                    Log.debugf("Event %s changed nothing: contact %s is another owner's", event.id(), deleted.contactId());
                }
            }
            case ERASED -> {
                ContactDeleted erased = event.dataAs(ContactDeleted.class, mapper);
                if (erased.contactId() == null) {
                    throw new MalformedEventException("Event " + event.id() + " lacks contactId");
                }
                if (replica.erase(event.ownerId(), erased.contactId(), event.time()) == 0) {
                    Log.debugf("Event %s changed nothing: contact %s is another owner's", event.id(), erased.contactId());
                    return;
                }
                // Each package deletes what it keeps of the person; the events still in the outbox
                // that name them (meetings, touchpoints, attendance), and the stored
                // Idempotency-Key answers that do, go here, once.
                erasures.fire(new ContactErasure(event.ownerId(), erased.contactId()));
                outbox.forgetMentioning(event.ownerId(), erased.contactId().toString());
                idempotency.forgetAnswersMentioning(event.ownerId(), erased.contactId().toString());
            }
            default -> Log.debugf("Skipping event %s of type %s, which this service does not need", event.id(), event.type());
        }
    }
}
