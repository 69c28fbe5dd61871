package dev.rapport.contacts.meetings;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.contacts.reservation.RaiseReservationRequest;
import dev.rapport.contacts.stage.MeetingOutcome;
import dev.rapport.contacts.stage.StageService;
import dev.rapport.platform.inbox.IdempotentConsumer;
import dev.rapport.platform.inbox.InboundEvent;
import dev.rapport.platform.inbox.MalformedEventException;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Moves contacts along their relationship stage as meetings-service reports what happened:
 * invitations sent, answered or left unanswered, one-to-ones held, and records what a held
 * one-to-one yielded (names given, reservations shared). Each event is applied once
 * (the idempotent consumer), a record it cannot read goes to the dead-letter topic, and the
 * stage rules themselves ({@link MeetingOutcome}) make late or replayed events harmless.
 */
@ApplicationScoped
public class MeetingsConsumer {

    static final String CONSUMER = "contacts-service.meetings";
    static final String MEETING_HELD = "rapport.meeting.held.v1";
    static final String INVITATION_SENT = "rapport.invitation.sent.v1";
    static final String INVITATION_DECLINED = "rapport.invitation.declined.v1";
    static final String INVITATION_EXPIRED = "rapport.invitation.expired.v1";

    private final IdempotentConsumer consumer;
    private final StageService stages;
    private final WhatAMeetingYielded yielded;
    private final ObjectMapper mapper;

    MeetingsConsumer(IdempotentConsumer consumer, StageService stages, WhatAMeetingYielded yielded, ObjectMapper mapper) {
        this.consumer = consumer;
        this.stages = stages;
        this.yielded = yielded;
        this.mapper = mapper;
    }

    // This service's views of the events it reads: only the fields it uses, all required.

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MeetingHeld(UUID meetingId, UUID contactId, String stage, Instant heldAt,
            List<WhatAMeetingYielded.NameGiven> namesGiven, List<RaiseReservationRequest> reservationsShared) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record InvitationChanged(UUID invitationId, UUID contactId, Instant at) {
    }

    @Incoming("meetings")
    @Blocking
    public void consume(List<ConsumerRecord<String, String>> records, IncomingKafkaRecordBatchMetadata<String, String> batch) {
        consumer.applyAll(CONSUMER, batch, this::apply);
    }

    private void apply(InboundEvent event) {
        switch (event.type()) {
            case MEETING_HELD -> {
                MeetingHeld held = event.dataAs(MeetingHeld.class, mapper);
                required(event, held.meetingId(), held.contactId(), held.stage(), held.heldAt());
                MeetingOutcome outcome = switch (held.stage()) {
                    case "DISCOVERY" -> MeetingOutcome.DISCOVERY_HELD;
                    case "REFERRAL_FIT" -> MeetingOutcome.REFERRAL_FIT_HELD;
                    default -> null; // a check-in keeps the stage
                };
                if (outcome != null) {
                    String reason = (outcome == MeetingOutcome.DISCOVERY_HELD ? "Discovery" : "Referral-fit")
                            + " one-to-one held (meeting " + held.meetingId() + ")";
                    stages.follow(event.ownerId(), held.contactId(), outcome, held.heldAt(), reason);
                }
                // Events published before meetings recorded these have neither list.
                yielded.apply(event.ownerId(), held.contactId(), held.meetingId(),
                        held.namesGiven() == null ? List.of() : held.namesGiven(),
                        held.reservationsShared() == null ? List.of() : held.reservationsShared());
            }
            case INVITATION_SENT -> invitation(event, MeetingOutcome.INVITATION_SENT, "Invited to a one-to-one");
            case INVITATION_DECLINED -> invitation(event, MeetingOutcome.INVITATION_DECLINED, "Declined the invitation");
            case INVITATION_EXPIRED -> invitation(event, MeetingOutcome.INVITATION_UNANSWERED, "Left the invitation unanswered");
            default -> Log.debugf("Skipping event %s of type %s, which this service does not need", event.id(), event.type());
        }
    }

    private void invitation(InboundEvent event, MeetingOutcome outcome, String what) {
        InvitationChanged invitation = event.dataAs(InvitationChanged.class, mapper);
        required(event, invitation.invitationId(), invitation.contactId(), invitation.at());
        stages.follow(event.ownerId(), invitation.contactId(), outcome, invitation.at(),
                what + " (invitation " + invitation.invitationId() + ")");
    }

    private static void required(InboundEvent event, Object... fields) {
        for (Object field : fields) {
            if (field == null) {
                throw new MalformedEventException("Event " + event.id() + " of type " + event.type() + " lacks a required field");
            }
        }
    }
}
