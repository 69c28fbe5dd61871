package dev.rapport.meetings.networking;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.meetings.meeting.MeetingStage;
import dev.rapport.meetings.meeting.MeetingStatus;

/**
 * Where the follow-up of one person met at an event stands: the latest one-to-one arranged
 * with them since the event began (the invitation and its answer), and the one-to-ones held.
 */
@Schema(name = "FollowUp", description = "One person met at a networking event and where their follow-up stands")
public record FollowUp(
        UUID contactId,
        @Schema(description = "The contact's name; null until meetings-service has heard of the contact", examples = "Priya Shah") String name,
        UUID eventId,
        @Schema(examples = "Chamber of Commerce breakfast") String eventName,
        @Schema(description = "When the event began", examples = "2026-11-24T07:30:00Z") Instant metAt,
        @Schema(description = "The latest one-to-one arranged with them since the event began; null when none (not invited)")
        Invitation invitation,
        @Schema(description = "When the latest one-to-one with them since the event was held; null when none yet")
        Instant oneToOneHeldAt,
        @Schema(description = "When a DISCOVERY one-to-one with them was first held, ever; null when never")
        Instant discoveryHeldAt) {

    @Schema(name = "FollowUpInvitation", description = "A one-to-one arranged after the event: the invitation and its answer")
    public record Invitation(
            UUID meetingId,
            @Schema(examples = "DISCOVERY") MeetingStage stage,
            @Schema(description = "INVITED: awaiting the answer; ACCEPTED, SCHEDULED, HELD: accepted; DECLINED, NO_RESPONSE, CANCELLED",
                    examples = "SCHEDULED") MeetingStatus status,
            @Schema(description = "When it was sent (or arranged)", examples = "2026-11-24T12:00:00Z") Instant sentAt,
            @Schema(description = "When it was answered; null while unanswered or when arranged as SCHEDULED") Instant answeredAt) {
    }

    public boolean invited() {
        return invitation != null;
    }

    public boolean followedUp() {
        return oneToOneHeldAt != null;
    }
}
