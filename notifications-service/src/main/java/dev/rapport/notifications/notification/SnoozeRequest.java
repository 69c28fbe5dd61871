package dev.rapport.notifications.notification;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotNull;

/** Until when a notification is out of sight. */
@Schema(name = "SnoozeRequest")
public record SnoozeRequest(
        @NotNull @Schema(description = "When it comes back, unread: in the future, at most a year ahead", examples = "2026-12-24T09:00:00Z")
        Instant until) {
}
