package dev.rapport.meetings.touchpoint;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A touchpoint to log with one of the caller's contacts. */
@Schema(name = "TouchpointRequest", description = "A touchpoint to log")
public record TouchpointRequest(
        @NotNull @Schema(description = "One of the caller's contacts") UUID contactId,
        @NotNull TouchpointKind kind,
        @NotNull @Schema(description = "When it happened (RFC 3339); not in the future", examples = "2026-12-01T16:05:00Z")
        Instant occurredAt,
        @Size(max = 2000) @Schema(description = "Private", examples = "Sent the article on referral networks", maxLength = 2000)
        String note) {
}
