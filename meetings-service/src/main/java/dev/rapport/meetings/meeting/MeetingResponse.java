package dev.rapport.meetings.meeting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A one-to-one meeting as the API answers it. */
@Schema(name = "Meeting", description = "A one-to-one meeting with one contact, from the invitation to the meeting held")
public record MeetingResponse(
        UUID id,
        UUID contactId,
        MeetingStage stage,
        MeetingStatus status,
        Instant scheduledFor,
        String location,
        String agenda,
        @Schema(description = "Set once HELD") Instant heldAt,
        @Schema(description = "Set once HELD") String notes,
        @Schema(description = "Set once HELD") Boolean askedWhoTheyKnow,
        @Schema(description = "Set once HELD") Boolean bothAgreedToFollowUp,
        @Schema(description = "Set once HELD, when given") CommonGround commonGround,
        @Schema(description = "Set once HELD: the people named, empty when none") List<NameGiven> namesGiven,
        @Schema(description = "Set once HELD: the reservations voiced, empty when none") List<SharedReservation> reservationsShared,
        @Schema(description = "Set once CANCELLED") Instant cancelledAt,
        @Schema(description = "When the invitation went out; null for a meeting arranged as SCHEDULED") Instant invitedAt,
        @Schema(description = "When the invitation was accepted, declined or marked NO_RESPONSE") Instant answeredAt,
        @Schema(description = "Whether this REFERRAL_FIT meeting was arranged overriding the two-stage rule") boolean twoStageOverridden,
        @Schema(description = "Why the two-stage rule was overridden") String overrideReason,
        Instant createdAt,
        Instant updatedAt) {

    static MeetingResponse of(Meeting meeting) {
        return new MeetingResponse(meeting.id, meeting.contactId, meeting.stage, meeting.status, meeting.scheduledFor,
                meeting.location, meeting.agenda, meeting.heldAt, meeting.notes, meeting.askedWhoTheyKnow,
                meeting.bothAgreedToFollowUp, meeting.commonGround, meeting.namesGiven, meeting.reservationsShared, meeting.cancelledAt, meeting.invitedAt, meeting.answeredAt,
                meeting.twoStageOverridden, meeting.overrideReason, meeting.createdAt, meeting.updatedAt);
    }
}
