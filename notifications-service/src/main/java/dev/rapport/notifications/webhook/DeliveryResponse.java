package dev.rapport.notifications.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event's delivery to one subscription, with every attempt made. */
@Schema(name = "WebhookDelivery")
public record DeliveryResponse(
        UUID id,
        String eventId,
        String eventType,
        @Schema(description = "PENDING, DELIVERED or FAILED (gave up)") String status,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant deliveredAt,
        List<Attempt> attempts) {

    @Schema(name = "WebhookAttempt")
    public record Attempt(Instant attemptedAt, Integer statusCode, String error, int durationMillis) {
    }
}
