package dev.rapport.meetings.meeting;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The time (and place) agreed for an accepted or scheduled one-to-one. */
@Schema(name = "MeetingTimeRequest", description = "The time and place agreed; a new one for a scheduled meeting reschedules it")
public record MeetingTimeRequest(
        @NotNull @Schema(description = "When the meeting takes place (RFC 3339)", examples = "2026-12-08T09:30:00Z") Instant scheduledFor,
        @Size(max = 200) @Schema(description = "Where; when absent, the place stays as it was", examples = "Café Rouge, Market Street", maxLength = 200)
        String location) {
}
