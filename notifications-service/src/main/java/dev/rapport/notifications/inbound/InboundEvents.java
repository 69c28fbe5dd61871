package dev.rapport.notifications.inbound;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.notifications.activity.ActivityProjection;
import dev.rapport.notifications.activity.NetworkingActivity;
import dev.rapport.notifications.activity.OneToOneActivity;
import dev.rapport.notifications.activity.OneToOneActivity.MeetingStage;
import dev.rapport.notifications.activity.ReferralActivity;
import dev.rapport.notifications.activity.ReservationActivity;
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
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
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
    private final OneToOneActivity oneToOnes;
    private final NetworkingActivity networking;
    private final ReservationActivity reservations;
    private final Rules rules;
    private final Notifications notifications;
    private final WebhookFanout webhooks;
    private final ObjectMapper mapper;

    InboundEvents(IdempotentConsumer consumer, ActivityProjection activity, ReferralActivity referrals, OneToOneActivity oneToOnes,
            NetworkingActivity networking, ReservationActivity reservations, Rules rules, Notifications notifications,
            WebhookFanout webhooks, ObjectMapper mapper) {
        this.consumer = consumer;
        this.activity = activity;
        this.referrals = referrals;
        this.oneToOnes = oneToOnes;
        this.networking = networking;
        this.reservations = reservations;
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

    /** {@code namesGiven}: only how many are read; the people named are known as the contacts made of them (ContactConnected). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record MeetingHeld(UUID meetingId, UUID contactId, MeetingStage stage, Instant heldAt, Boolean askedWhoTheyKnow,
            List<JsonNode> namesGiven) {
        MeetingHeld {
            required(meetingId, contactId, stage, heldAt, askedWhoTheyKnow, namesGiven);
        }
    }

    /** An invitation sent, accepted, declined or marked unanswered; {@code invitationId} is the one-to-one's id. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Invitation(UUID invitationId, UUID contactId, MeetingStage stage, Instant at) {
        Invitation {
            required(invitationId, contactId, stage, at);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MeetingScheduled(UUID meetingId, UUID contactId, MeetingStage stage, Instant createdAt) {
        MeetingScheduled {
            required(meetingId, contactId, stage, createdAt);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MeetingCancelled(UUID meetingId, UUID contactId, MeetingStage stage, Instant cancelledAt) {
        MeetingCancelled {
            required(meetingId, contactId, stage, cancelledAt);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record NetworkingEventRecorded(UUID eventId, String name, Instant startsAt, Instant endsAt) {
        NetworkingEventRecorded {
            required(eventId, name, startsAt, endsAt);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record NetworkingEventDeleted(UUID eventId) {
        NetworkingEventDeleted {
            required(eventId);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Attendee(UUID eventId, UUID contactId) {
        Attendee {
            required(eventId, contactId);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReservationRaised(UUID reservationId, UUID contactId, ReservationActivity.Holder holder, ReservationActivity.Concern concern,
            Instant at) {
        ReservationRaised {
            required(reservationId, contactId, holder, concern, at);
        }
    }

    /** A reservation resolved or confirmed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReservationSettled(UUID reservationId, ReservationActivity.Status status) {
        ReservationSettled {
            required(reservationId, status);
        }
    }

    enum ConnectionOrigin {
        MANUAL, INTRODUCTION
    }

    /** Two contacts who know each other; an INTRODUCTION is made from the person met ({@code contactId}) to someone they named. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ContactConnected(UUID contactId, UUID otherContactId, ConnectionOrigin origin, Instant at) {
        ContactConnected {
            required(contactId, otherContactId, origin, at);
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
    public void onContactRecord(List<ConsumerRecord<String, String>> records, IncomingKafkaRecordBatchMetadata<String, String> batch) {
        consumer.applyAll("notifications-service.contacts", batch, this::onContactEvent, rules::reviewQueued);
    }

    @Incoming("meetings")
    @Blocking
    public void onMeetingRecord(List<ConsumerRecord<String, String>> records, IncomingKafkaRecordBatchMetadata<String, String> batch) {
        consumer.applyAll("notifications-service.meetings", batch, this::onMeetingEvent, rules::reviewQueued);
    }

    @Incoming("referrals")
    @Blocking
    public void onReferralRecord(List<ConsumerRecord<String, String>> records, IncomingKafkaRecordBatchMetadata<String, String> batch) {
        consumer.applyAll("notifications-service.referrals", batch, this::onReferralEvent, rules::reviewQueued);
    }

    private void onContactEvent(InboundEvent event) {
        UUID owner = event.ownerId();
        switch (event.type()) {
            case "rapport.contact.created.v1" -> {
                ContactAdded added = event.dataAs(ContactAdded.class, mapper);
                activity.contactAdded(owner, added.contactId(), added.name(), added.createdAt(), cadence(event, added.stayInTouchEvery()),
                        added.stage());
                contactChanged(owner, added.contactId());
            }
            case "rapport.contact.updated.v1" -> {
                ContactChanged changed = event.dataAs(ContactChanged.class, mapper);
                if (changed.name() == null) {
                    throw new MalformedEventException("Event " + event.id() + " has no name");
                }
                activity.contactChanged(owner, changed.contactId(), changed.name(), event.time(), cadence(event, changed.stayInTouchEvery()),
                        changed.stage());
                contactChanged(owner, changed.contactId());
            }
            case "rapport.contact.stage-changed.v1" -> {
                StageChanged changed = event.dataAs(StageChanged.class, mapper);
                activity.stageChanged(owner, changed.contactId(), changed.to(), changed.at());
                contactChanged(owner, changed.contactId());
            }
            case "rapport.contact.deleted.v1" -> {
                UUID contactId = event.dataAs(ContactChanged.class, mapper).contactId();
                activity.contactDeleted(contactId);
                contactChanged(owner, contactId);
                rules.queueReview(owner, SubjectKind.PARTNER, contactId);
                referrals.withPartner(owner, contactId).forEach(referralId -> rules.queueReview(owner, SubjectKind.REFERRAL, referralId));
                oneToOnes.withContact(owner, contactId).forEach(meetingId -> rules.queueReview(owner, SubjectKind.MEETING, meetingId));
                reviewMeetingsNaming(owner, contactId);
            }
            case "rapport.contact.erased.v1" -> {
                UUID contactId = event.dataAs(ContactChanged.class, mapper).contactId();
                // What earlier events of the batch asked about is decided first, and forgotten below with the rest.
                rules.reviewQueued();
                Optional<String> name = activity.contactErased(owner, contactId);
                notifications.forgetSubject(owner, contactId);
                // Notifications about referrals with the person name them too.
                referrals.withPartner(owner, contactId).forEach(referralId -> notifications.forgetSubject(owner, referralId));
                // Referral events name the person referred by name only: what names them goes by the name.
                name.ifPresent(erased -> {
                    referrals.forgetReferred(owner, erased).forEach(referralId -> notifications.forgetSubject(owner, referralId));
                    webhooks.forgetDeliveriesMentioning(owner, erased);
                });
                // Their one-to-ones and reservations, and the one-to-ones in which they were named, name them too;
                // the latter are raised again about whoever else was named.
                List<UUID> naming = oneToOnes.namingContact(owner, contactId);
                oneToOnes.forgetContact(owner, contactId).forEach(meetingId -> notifications.forgetSubject(owner, meetingId));
                naming.forEach(meetingId -> {
                    notifications.forgetSubject(owner, meetingId);
                    rules.queueReview(owner, SubjectKind.MEETING, meetingId);
                });
                reservations.forgetContact(owner, contactId).forEach(reservationId -> notifications.forgetSubject(owner, reservationId));
                networking.forgetContact(owner, contactId);
            }
            case "rapport.reservation.raised.v1" -> {
                ReservationRaised raised = event.dataAs(ReservationRaised.class, mapper);
                reservations.raised(owner, raised.reservationId(), raised.contactId(), raised.holder(), raised.concern(), raised.at());
                rules.queueReview(owner, SubjectKind.RESERVATION, raised.reservationId());
            }
            case "rapport.reservation.resolved.v1", "rapport.reservation.confirmed.v1" -> {
                ReservationSettled settled = event.dataAs(ReservationSettled.class, mapper);
                reservations.settled(owner, settled.reservationId(), settled.status());
                rules.queueReview(owner, SubjectKind.RESERVATION, settled.reservationId());
            }
            case "rapport.contact.connected.v1" -> {
                ContactConnected connected = event.dataAs(ContactConnected.class, mapper);
                if (connected.origin() == ConnectionOrigin.INTRODUCTION) {
                    oneToOnes.introduced(owner, connected.contactId(), connected.otherContactId(), connected.at());
                    oneToOnes.withContact(owner, connected.contactId()).forEach(meetingId -> rules.queueReview(owner, SubjectKind.MEETING, meetingId));
                }
            }
            default -> Log.debugf("Skipping contacts event type %s", event.type());
        }
        fanOut(event);
    }

    private void onMeetingEvent(InboundEvent event) {
        UUID owner = event.ownerId();
        switch (event.type()) {
            case "rapport.meeting.held.v1" -> {
                MeetingHeld held = event.dataAs(MeetingHeld.class, mapper);
                oneToOnes.held(owner, held.meetingId(), held.contactId(), held.stage(), held.heldAt(), held.askedWhoTheyKnow(),
                        held.namesGiven().size());
                interacted(owner, held.contactId(), held.heldAt());
                // A later one-to-one can settle an earlier one's question, and ends the time in which its names came.
                oneToOnes.withContact(owner, held.contactId()).forEach(meetingId -> rules.queueReview(owner, SubjectKind.MEETING, meetingId));
            }
            case "rapport.touchpoint.logged.v1" -> {
                TouchpointLogged touchpoint = event.dataAs(TouchpointLogged.class, mapper);
                interacted(owner, touchpoint.contactId(), touchpoint.occurredAt());
            }
            case "rapport.invitation.sent.v1" -> {
                Invitation sent = event.dataAs(Invitation.class, mapper);
                oneToOnes.invited(owner, sent.invitationId(), sent.contactId(), sent.stage(), sent.at());
                rules.queueReview(owner, SubjectKind.MEETING, sent.invitationId());
                arranged(owner, sent.contactId());
            }
            case "rapport.invitation.accepted.v1", "rapport.invitation.declined.v1", "rapport.invitation.expired.v1" -> {
                Invitation answered = event.dataAs(Invitation.class, mapper);
                oneToOnes.moved(owner, answered.invitationId(), answered.contactId(), answered.stage(), answer(event.type()), answered.at());
                rules.queueReview(owner, SubjectKind.MEETING, answered.invitationId());
            }
            case "rapport.meeting.scheduled.v1" -> {
                MeetingScheduled scheduled = event.dataAs(MeetingScheduled.class, mapper);
                oneToOnes.moved(owner, scheduled.meetingId(), scheduled.contactId(), scheduled.stage(), OneToOneActivity.Status.SCHEDULED,
                        scheduled.createdAt());
                rules.queueReview(owner, SubjectKind.MEETING, scheduled.meetingId());
                arranged(owner, scheduled.contactId());
            }
            case "rapport.meeting.cancelled.v1" -> {
                MeetingCancelled cancelled = event.dataAs(MeetingCancelled.class, mapper);
                oneToOnes.moved(owner, cancelled.meetingId(), cancelled.contactId(), cancelled.stage(), OneToOneActivity.Status.CANCELLED,
                        cancelled.cancelledAt());
                rules.queueReview(owner, SubjectKind.MEETING, cancelled.meetingId());
            }
            case "rapport.networking-event.created.v1", "rapport.networking-event.updated.v1" -> {
                NetworkingEventRecorded recorded = event.dataAs(NetworkingEventRecorded.class, mapper);
                networking.eventRecorded(owner, recorded.eventId(), recorded.name(), recorded.startsAt(), recorded.endsAt());
                networking.attendees(owner, recorded.eventId()).forEach(contactId -> rules.queueReview(owner, SubjectKind.CONTACT, contactId));
            }
            case "rapport.networking-event.deleted.v1" -> {
                UUID eventId = event.dataAs(NetworkingEventDeleted.class, mapper).eventId();
                networking.eventDeleted(owner, eventId).forEach(contactId -> rules.queueReview(owner, SubjectKind.CONTACT, contactId));
            }
            case "rapport.networking-event.attendee-added.v1" -> {
                Attendee added = event.dataAs(Attendee.class, mapper);
                networking.attendeeAdded(owner, added.eventId(), added.contactId());
                rules.queueReview(owner, SubjectKind.CONTACT, added.contactId());
            }
            case "rapport.networking-event.attendee-removed.v1" -> {
                Attendee removed = event.dataAs(Attendee.class, mapper);
                networking.attendeeRemoved(owner, removed.eventId(), removed.contactId());
                rules.queueReview(owner, SubjectKind.CONTACT, removed.contactId());
            }
            default -> Log.debugf("Skipping meetings event type %s", event.type());
        }
        fanOut(event);
    }

    /** Where an invitation's answer leaves it. */
    private static OneToOneActivity.Status answer(String type) {
        return switch (type) {
            case "rapport.invitation.accepted.v1" -> OneToOneActivity.Status.ACCEPTED;
            case "rapport.invitation.declined.v1" -> OneToOneActivity.Status.DECLINED;
            case "rapport.invitation.expired.v1" -> OneToOneActivity.Status.NO_RESPONSE;
            default -> throw new IllegalArgumentException("not an answer to an invitation: " + type);
        };
    }

    private void onReferralEvent(InboundEvent event) {
        UUID owner = event.ownerId();
        switch (event.type()) {
            case "rapport.referral.given.v1" -> {
                ReferralRecorded given = event.dataAs(ReferralRecorded.class, mapper);
                activity.referralGiven(owner, given.partnerId(), given.occurredAt());
                rules.queueReview(owner, SubjectKind.PARTNER, given.partnerId());
                interacted(owner, given.partnerId(), given.occurredAt());
                referrals.recorded(owner, given.referralId(), given.partnerId(), ReferralActivity.Direction.GIVEN, given.referredName(),
                        given.occurredAt());
                rules.queueReview(owner, SubjectKind.REFERRAL, given.referralId());
            }
            case "rapport.referral.received.v1" -> {
                ReferralRecorded received = event.dataAs(ReferralRecorded.class, mapper);
                activity.referralReceived(owner, received.partnerId(), received.occurredAt());
                rules.queueReview(owner, SubjectKind.PARTNER, received.partnerId());
                interacted(owner, received.partnerId(), received.occurredAt());
                referrals.recorded(owner, received.referralId(), received.partnerId(), ReferralActivity.Direction.RECEIVED,
                        received.referredName(), received.occurredAt());
                rules.queueReview(owner, SubjectKind.REFERRAL, received.referralId());
            }
            case "rapport.referral.status-changed.v1" -> {
                ReferralStatusChanged changed = event.dataAs(ReferralStatusChanged.class, mapper);
                referrals.statusChanged(owner, changed.referralId(), changed.partnerId(), changed.direction(), changed.to(), changed.at());
                rules.queueReview(owner, SubjectKind.REFERRAL, changed.referralId());
            }
            case "rapport.referral.won.v1" -> {
                ReferralWon won = event.dataAs(ReferralWon.class, mapper);
                referrals.won(owner, won.referralId(), won.partnerId(), won.direction(), won.value().amount(), won.value().currency(),
                        won.wonAt());
                rules.queueReview(owner, SubjectKind.REFERRAL, won.referralId());
            }
            case "rapport.referral.thanked.v1" -> {
                ReferralThanked thanked = event.dataAs(ReferralThanked.class, mapper);
                referrals.thanked(owner, thanked.referralId(), thanked.partnerId(), thanked.thankedAt());
                rules.queueReview(owner, SubjectKind.REFERRAL, thanked.referralId());
            }
            default -> Log.debugf("Skipping referrals event type %s", event.type());
        }
        fanOut(event);
    }

    /**
     * An interaction (meeting, touchpoint, referral) recent enough ends a stall and starts the
     * contact's clock again, and contacts someone named in a one-to-one.
     */
    private void interacted(UUID owner, UUID contactId, Instant at) {
        activity.interacted(owner, contactId, at);
        rules.queueReview(owner, SubjectKind.CONTACT, contactId);
        reviewMeetingsNaming(owner, contactId);
    }

    /** A one-to-one arranged with the contact (invitation sent, meeting scheduled) follows up meeting them at an event, and contacts them. */
    private void arranged(UUID owner, UUID contactId) {
        rules.queueReview(owner, SubjectKind.CONTACT, contactId);
        reviewMeetingsNaming(owner, contactId);
    }

    /** The contact's profile or stage changed: the rules about it decide again, and about its reservations (which its stage decides). */
    private void contactChanged(UUID owner, UUID contactId) {
        rules.queueReview(owner, SubjectKind.CONTACT, contactId);
        reservations.aboutContact(owner, contactId).forEach(reservationId -> rules.queueReview(owner, SubjectKind.RESERVATION, reservationId));
    }

    /** The one-to-ones in which the contact was named, whose nudge depends on whether they were contacted. */
    private void reviewMeetingsNaming(UUID owner, UUID contactId) {
        oneToOnes.namingContact(owner, contactId).forEach(meetingId -> rules.queueReview(owner, SubjectKind.MEETING, meetingId));
    }

    private void fanOut(InboundEvent event) {
        webhooks.enqueue(event.ownerId(), event.id(), event.type(), event.data(), event.time());
    }
}
