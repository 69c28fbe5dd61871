package dev.rapport.notifications.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A webhook subscription; {@code secret} appears only in the answer to its creation. */
@Schema(name = "Webhook")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookResponse(
        UUID id,
        String url,
        String description,
        List<String> eventTypes,
        boolean enabled,
        Instant createdAt,
        @Schema(description = "The signing secret (whsec_…); shown once, at creation") String secret) {

    static WebhookResponse of(WebhookSubscription subscription) {
        return new WebhookResponse(subscription.id, subscription.url, subscription.description,
                List.copyOf(subscription.eventTypes), subscription.enabled, subscription.createdAt, null);
    }

    static WebhookResponse withSecret(WebhookSubscription subscription) {
        return new WebhookResponse(subscription.id, subscription.url, subscription.description,
                List.copyOf(subscription.eventTypes), subscription.enabled, subscription.createdAt, subscription.secret);
    }
}
