package dev.rapport.notifications.inbound;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.notifications.activity.ActivityProjection;
import dev.rapport.notifications.activity.ReferralActivity;
import dev.rapport.notifications.activity.Stage;
import dev.rapport.notifications.notification.Notifications;
import dev.rapport.notifications.rules.Rules;
import dev.rapport.notifications.rules.SubjectKind;
import dev.rapport.notifications.webhook.WebhookFanout;
import dev.rapport.platform.inbox.InboundEvent;
import dev.rapport.platform.inbox.IdempotentConsumer;
import dev.rapport.platform.inbox.MalformedEventException;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Consumes every service's events: updates the projections, reviews the rule each event can
 * change, and fans the event out to webhooks that want it, all in one transaction with the
 * idempotent-consumer record. Types this service does not use are still fanned out.
 * (A deleted touchpoint does not move the last interaction back: that would need the history
 * of interactions, which this projection does not keep.)
 */
@ApplicationScoped
public class InboundEvents {

    private final IdempotentConsumer consumer;
    private final ActivityProjection activity;
    private final ReferralActivity referrals;
    private final Rules rules;
    private final Notifications notifications;
    private final WebhookFanout webhooks;
    private final ObjectMapper mapper;

    InboundEvents(IdempotentConsumer consumer, ActivityProjection activity, ReferralActivity referrals, Rules rules,
            Notifications notifications, WebhookFanout webhooks, ObjectMapper mapper) {
        this.consumer = consumer;
        this.activity = activity;
        this.referrals = referrals;
        this.rules = rules;
        this.notifications = notifications;
        this.webhooks = webhooks;
        this.mapper = mapper;
    }

    // This service's views of the events it reads: only the fields it uses, all required (a
    // missing one makes the event malformed, so it is dead-lettered rather than half applied).

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ContactAdded(UUID contactId, String name, Instant createdAt, String stayInTouchEvery, Stage stage) {
        ContactAdded {
            required(contactId, name, createdAt);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ContactChanged(UUID contactId, String name, String stayInTouchEvery, Stage stage) {
        ContactChanged {
            required(contactId);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StageChanged(UUID contactId, Stage to, Instant at) {
        StageChanged {
            required(contactId, to, at);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MeetingHeld(UUID contactId, Instant heldAt) {
        MeetingHeld {
            required(contactId, heldAt);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TouchpointLogged(UUID contactId, Instant occurredAt) {
        TouchpointLogged {
            required(contactId, occurredAt);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReferralRecorded(UUID referralId, UUID partnerId, String referredName, Instant occurredAt) {
        ReferralRecorded {
            required(referralId, partnerId, referredName, occurredAt);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReferralStatusChanged(UUID referralId, UUID partnerId, ReferralActivity.Direction direction, ReferralActivity.Status to,
            Instant at) {
        ReferralStatusChanged {
            required(referralId, partnerId, direction, to, at);
        }
    }

    record Money(String amount, String currency) {
        Money {
            required(amount, currency);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReferralWon(UUID referralId, UUID partnerId, ReferralActivity.Direction direction, Money value, Instant wonAt) {
        ReferralWon {
            required(referralId, partnerId, direction, value, wonAt);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReferralThanked(UUID referralId, UUID partnerId, Instant thankedAt) {
        ReferralThanked {
            required(referralId, partnerId, thankedAt);
        }
    }

    private static void required(Object... fields) {
        for (Object field : fields) {
            if (field == null) {
                throw new IllegalArgumentException("a required field is missing");
            }
        }
    }

    /** The contact's own cadence, null for the owner's default; one that cannot be read makes the event malformed. */
    private static Duration cadence(InboundEvent event, String stayInTouchEvery) {
        if (stayInTouchEvery == null) {
            return null;
        }
        try {
            return Duration.parse(stayInTouchEvery);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("Event " + event.id() + " has an unreadable stayInTouchEvery: " + stayInTouchEvery);
        }
    }

    @Incoming("contacts")
    @Blocking
    public void onContactRecord(ConsumerRecord<String, String> record) {
        consumer.apply("notifications-service.contacts", InboundEvent.from(record, mapper), this::onContactEvent);
    }

    @Incoming("meetings")
    @Blocking
    public void onMeetingRecord(ConsumerRecord<String, String> record) {
        consumer.apply("notifications-service.meetings", InboundEvent.from(record, mapper), this::onMeetingEvent);
    }

    @Incoming("referrals")
    @Blocking
    public void onReferralRecord(ConsumerRecord<String, String> record) {
        consumer.apply("notifications-service.referrals", InboundEvent.from(record, mapper), this::onReferralEvent);
    }

    private void onContactEvent(InboundEvent event) {
        UUID owner = event.ownerId();
        switch (event.type()) {
            case "rapport.contact.created.v1" -> {
                ContactAdded added = event.dataAs(ContactAdded.class, mapper);
                activity.contactAdded(owner, added.contactId(), added.name(), added.createdAt(), cadence(event, added.stayInTouchEvery()),
                        added.stage());
                rules.review(owner, SubjectKind.CONTACT, added.contactId());
            }
            case "rapport.contact.updated.v1" -> {
                ContactChanged changed = event.dataAs(ContactChanged.class, mapper);
                if (changed.name() == null) {
                    throw new MalformedEventException("Event " + event.id() + " has no name");
                }
                activity.contactChanged(owner, changed.contactId(), changed.name(), event.time(), cadence(event, changed.stayInTouchEvery()),
                        changed.stage());
                rules.review(owner, SubjectKind.CONTACT, changed.contactId());
            }
            case "rapport.contact.stage-changed.v1" -> {
                StageChanged changed = event.dataAs(StageChanged.class, mapper);
                activity.stageChanged(owner, changed.contactId(), changed.to(), changed.at());
                rules.review(owner, SubjectKind.CONTACT, changed.contactId());
            }
            case "rapport.contact.deleted.v1" -> {
                UUID contactId = event.dataAs(ContactChanged.class, mapper).contactId();
                activity.contactDeleted(contactId);
                rules.review(owner, SubjectKind.CONTACT, contactId);
                rules.review(owner, SubjectKind.PARTNER, contactId);
                referrals.withPartner(owner, contactId).forEach(referralId -> rules.review(owner, SubjectKind.REFERRAL, referralId));
            }
            case "rapport.contact.erased.v1" -> {
                UUID contactId = event.dataAs(ContactChanged.class, mapper).contactId();
                Optional<String> name = activity.contactErased(owner, contactId);
                notifications.forgetSubject(owner, contactId);
                // Notifications about referrals with the person name them too.
                referrals.withPartner(owner, contactId).forEach(referralId -> notifications.forgetSubject(owner, referralId));
                // Referral events name the person referred by name only: what names them goes by the name.
                name.ifPresent(erased -> {
                    referrals.forgetReferred(owner, erased).forEach(referralId -> notifications.forgetSubject(owner, referralId));
                    webhooks.forgetDeliveriesMentioning(owner, erased);
                });
            }
            default -> Log.debugf("Skipping contacts event type %s", event.type());
        }
        fanOut(event);
    }

    private void onMeetingEvent(InboundEvent event) {
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

    private void onReferralEvent(InboundEvent event) {
        UUID owner = event.ownerId();
        switch (event.type()) {
            case "rapport.referral.given.v1" -> {
                ReferralRecorded given = event.dataAs(ReferralRecorded.class, mapper);
                activity.referralGiven(owner, given.partnerId(), given.occurredAt());
                rules.review(owner, SubjectKind.PARTNER, given.partnerId());
                interacted(owner, given.partnerId(), given.occurredAt());
                referrals.recorded(owner, given.referralId(), given.partnerId(), ReferralActivity.Direction.GIVEN, given.referredName(),
                        given.occurredAt());
                rules.review(owner, SubjectKind.REFERRAL, given.referralId());
            }
            case "rapport.referral.received.v1" -> {
                ReferralRecorded received = event.dataAs(ReferralRecorded.class, mapper);
                activity.referralReceived(owner, received.partnerId(), received.occurredAt());
                rules.review(owner, SubjectKind.PARTNER, received.partnerId());
                interacted(owner, received.partnerId(), received.occurredAt());
                referrals.recorded(owner, received.referralId(), received.partnerId(), ReferralActivity.Direction.RECEIVED,
                        received.referredName(), received.occurredAt());
                rules.review(owner, SubjectKind.REFERRAL, received.referralId());
            }
            case "rapport.referral.status-changed.v1" -> {
                ReferralStatusChanged changed = event.dataAs(ReferralStatusChanged.class, mapper);
                referrals.statusChanged(owner, changed.referralId(), changed.partnerId(), changed.direction(), changed.to(), changed.at());
                rules.review(owner, SubjectKind.REFERRAL, changed.referralId());
            }
            case "rapport.referral.won.v1" -> {
                ReferralWon won = event.dataAs(ReferralWon.class, mapper);
                referrals.won(owner, won.referralId(), won.partnerId(), won.direction(), won.value().amount(), won.value().currency(),
                        won.wonAt());
                rules.review(owner, SubjectKind.REFERRAL, won.referralId());
            }
            case "rapport.referral.thanked.v1" -> {
                ReferralThanked thanked = event.dataAs(ReferralThanked.class, mapper);
                referrals.thanked(owner, thanked.referralId(), thanked.partnerId(), thanked.thankedAt());
                rules.review(owner, SubjectKind.REFERRAL, thanked.referralId());
            }
            default -> Log.debugf("Skipping referrals event type %s", event.type());
        }
        fanOut(event);
    }

    /** An interaction (meeting, touchpoint, referral) recent enough ends a stall and starts the contact's clock again. */
    private void interacted(UUID owner, UUID contactId, Instant at) {
        activity.interacted(owner, contactId, at);
        rules.review(owner, SubjectKind.CONTACT, contactId);
    }

    private void fanOut(InboundEvent event) {
        webhooks.enqueue(event.ownerId(), event.id(), event.type(), event.data(), event.time());
    }
}
