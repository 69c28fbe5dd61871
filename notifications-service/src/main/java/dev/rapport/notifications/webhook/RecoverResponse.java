package dev.rapport.notifications.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many failed deliveries a recovery queued again. */
@Schema(name = "WebhookRecovery")
public record RecoverResponse(@Schema(description = "Failed deliveries queued again", examples = "3") int requeued) {
}
