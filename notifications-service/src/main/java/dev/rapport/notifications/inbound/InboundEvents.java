package dev.rapport.notifications.inbound;

import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.notifications.activity.ActivityProjection;
import dev.rapport.notifications.notification.Notifications;
import dev.rapport.notifications.rules.Rules;
import dev.rapport.notifications.webhook.WebhookFanout;
import dev.rapport.platform.inbox.InboundEvent;
import dev.rapport.platform.inbox.ProcessedEvents;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Consumes every service's events: updates the projections, reviews the rule each event can
 * change, and fans the event out to webhooks that want it, all in one transaction with the
 * idempotent-consumer record. Types this service does not use are still fanned out.
 */
@ApplicationScoped
public class InboundEvents {

    private final ProcessedEvents processed;
    private final ActivityProjection activity;
    private final Rules rules;
    private final Notifications notifications;
    private final WebhookFanout webhooks;
    private final ObjectMapper mapper;

    InboundEvents(ProcessedEvents processed, ActivityProjection activity, Rules rules, Notifications notifications,
            WebhookFanout webhooks, ObjectMapper mapper) {
        this.processed = processed;
        this.activity = activity;
        this.rules = rules;
        this.notifications = notifications;
        this.webhooks = webhooks;
        this.mapper = mapper;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ContactAdded(UUID contactId, String name, Instant createdAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ContactChanged(UUID contactId, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MeetingHeld(UUID contactId, Instant heldAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TouchpointLogged(UUID contactId, Instant occurredAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReferralRecorded(UUID partnerId, Instant occurredAt) {
    }

    @Incoming("contacts")
    @Transactional
    public void onContactEvent(ConsumerRecord<String, String> record) {
        InboundEvent event = InboundEvent.from(record, mapper);
        if (!processed.firstDelivery("notifications-service.contacts", event.id())) {
            return;
        }
        UUID owner = event.ownerId();
        switch (event.type()) {
            case "rapport.contact.created.v1" -> {
                ContactAdded added = event.dataAs(ContactAdded.class, mapper);
                activity.contactAdded(owner, added.contactId(), added.name(), added.createdAt());
                rules.reviewContact(owner, added.contactId());
            }
            case "rapport.contact.updated.v1" -> {
                ContactChanged changed = event.dataAs(ContactChanged.class, mapper);
                activity.contactRenamed(owner, changed.contactId(), changed.name(), event.time());
            }
            case "rapport.contact.deleted.v1" -> {
                UUID contactId = event.dataAs(ContactChanged.class, mapper).contactId();
                activity.contactDeleted(contactId);
                notifications.resolve(owner, Rules.STALLED, contactId);
                notifications.resolve(owner, Rules.UNRETURNED, contactId);
            }
            default -> Log.debugf("Skipping contacts event type %s", event.type());
        }
        fanOut(event);
    }

    @Incoming("meetings")
    @Transactional
    public void onMeetingEvent(ConsumerRecord<String, String> record) {
        InboundEvent event = InboundEvent.from(record, mapper);
        if (!processed.firstDelivery("notifications-service.meetings", event.id())) {
            return;
        }
        switch (event.type()) {
            case "rapport.meeting.held.v1" -> {
                MeetingHeld held = event.dataAs(MeetingHeld.class, mapper);
                interacted(event.ownerId(), held.contactId(), held.heldAt());
            }
            case "rapport.touchpoint.logged.v1" -> {
                TouchpointLogged touchpoint = event.dataAs(TouchpointLogged.class, mapper);
                interacted(event.ownerId(), touchpoint.contactId(), touchpoint.occurredAt());
            }
            default -> Log.debugf("Skipping meetings event type %s", event.type());
        }
        fanOut(event);
    }

    @Incoming("referrals")
    @Transactional
    public void onReferralEvent(ConsumerRecord<String, String> record) {
        InboundEvent event = InboundEvent.from(record, mapper);
        if (!processed.firstDelivery("notifications-service.referrals", event.id())) {
            return;
        }
        UUID owner = event.ownerId();
        switch (event.type()) {
            case "rapport.referral.given.v1" -> {
                ReferralRecorded given = event.dataAs(ReferralRecorded.class, mapper);
                activity.referralGiven(owner, given.partnerId(), given.occurredAt());
                rules.reviewPartner(owner, given.partnerId());
            }
            case "rapport.referral.received.v1" -> {
                ReferralRecorded received = event.dataAs(ReferralRecorded.class, mapper);
                activity.referralReceived(owner, received.partnerId(), received.occurredAt());
                notifications.resolve(owner, Rules.UNRETURNED, received.partnerId());
                rules.reviewPartner(owner, received.partnerId());
            }
            default -> Log.debugf("Skipping referrals event type %s", event.type());
        }
        fanOut(event);
    }

    /** Any interaction ends a stall and starts the contact's clock again. */
    private void interacted(UUID owner, UUID contactId, Instant at) {
        activity.interacted(owner, contactId, at);
        notifications.resolve(owner, Rules.STALLED, contactId);
        rules.reviewContact(owner, contactId);
    }

    private void fanOut(InboundEvent event) {
        webhooks.enqueue(event.ownerId(), event.id(), event.type(), event.data(), event.time());
    }
}
