package dev.rapport.notifications.webhook;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotNull;

/** From when failed deliveries are sent again. */
@Schema(name = "WebhookRecoverRequest")
public record RecoverRequest(
        @NotNull @Schema(description = "Deliveries created at or after this time are requeued; not in the future",
                examples = "2026-12-01T00:00:00Z") Instant since) {
}
