package dev.rapport.meetings.meeting;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A one-to-one meeting as the API answers it. */
@Schema(name = "Meeting", description = "A one-to-one meeting with one contact")
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
        @Schema(description = "Set once CANCELLED") Instant cancelledAt,
        Instant createdAt,
        Instant updatedAt) {

    static MeetingResponse of(Meeting meeting) {
        return new MeetingResponse(meeting.id, meeting.contactId, meeting.stage, meeting.status, meeting.scheduledFor,
                meeting.location, meeting.agenda, meeting.heldAt, meeting.notes, meeting.askedWhoTheyKnow,
                meeting.bothAgreedToFollowUp, meeting.cancelledAt, meeting.createdAt, meeting.updatedAt);
    }
}
