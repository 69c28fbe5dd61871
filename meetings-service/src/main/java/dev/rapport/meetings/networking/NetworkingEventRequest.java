package dev.rapport.meetings.networking;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A networking event as the owner records it; a PUT replaces every field. */
@Schema(name = "NetworkingEventRequest", description = "A networking event: what, when, where, who organised it")
public record NetworkingEventRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "Chamber of Commerce breakfast", maxLength = 200) String name,
        @NotNull @Schema(description = "RFC 3339", examples = "2026-11-24T07:30:00Z") Instant startsAt,
        @NotNull @Schema(description = "RFC 3339; not before startsAt", examples = "2026-11-24T09:00:00Z") Instant endsAt,
        @Size(max = 200) @Schema(examples = "Grand Hotel, Market Street", maxLength = 200) String place,
        @Size(max = 200) @Schema(examples = "Northtown Chamber of Commerce", maxLength = 200) String organiser,
        @Size(max = 2000) @Schema(description = "Private", examples = "Ask the organiser for the attendee list", maxLength = 2000) String notes) {
}
