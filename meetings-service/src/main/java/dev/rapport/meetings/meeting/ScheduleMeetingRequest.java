package dev.rapport.meetings.meeting;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A one-to-one meeting to schedule with one of the caller's contacts. */
@Schema(name = "ScheduleMeetingRequest", description = "A one-to-one meeting to schedule")
public record ScheduleMeetingRequest(
        @NotNull @Schema(description = "One of the caller's contacts") UUID contactId,
        @NotNull @Schema(description = "REFERRAL_FIT needs a held DISCOVERY meeting with the contact where both agreed to follow up")
        MeetingStage stage,
        @Schema(description = "When the meeting is planned (RFC 3339)", examples = "2026-12-01T09:30:00Z") Instant scheduledFor,
        @Size(max = 200) @Schema(examples = "Café Rouge, Market Street", maxLength = 200) String location,
        @Size(max = 2000) @Schema(description = "Private", examples = "Find out who their ideal client is", maxLength = 2000) String agenda) {
}
