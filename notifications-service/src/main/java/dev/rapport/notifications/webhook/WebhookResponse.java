package dev.rapport.notifications.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A webhook subscription; {@code secret} appears only in the answer to its creation and to a
 * rotation of its secret.
 */
@Schema(name = "Webhook")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookResponse(
        UUID id,
        String url,
        String description,
        List<String> eventTypes,
        @Schema(description = "Whether events are delivered to it") boolean enabled,
        @Schema(description = "Why it is disabled (absent while enabled): BY_OWNER (turned off by its owner), GONE (it answered "
                + "410 Gone) or FAILING (all its attempts failed for 5 days)")
        DisabledReason disabledReason,
        @Schema(description = "When its current run of failed attempts began; absent after a success")
        Instant failingSince,
        @Schema(description = "Nothing is sent to it before this time (it is parked after failures in a row, or asked for time "
                + "with Retry-After); absent when not paused")
        Instant pausedUntil,
        @Schema(description = "Until when the secret before the last rotation also signs deliveries; absent when there is none "
                + "or it has expired")
        Instant previousSecretExpiresAt,
        Instant createdAt,
        @Schema(description = "The signing secret (whsec_…); shown only at creation and in the answer to a rotation") String secret) {

    /** The subscription as its owner sees it at {@code now}, without its secret. */
    static WebhookResponse of(WebhookSubscription subscription, Instant now) {
        return of(subscription, now, null);
    }

    /** The subscription with its current secret: only in the answers to its creation and to a rotation. */
    static WebhookResponse withSecret(WebhookSubscription subscription, Instant now) {
        return of(subscription, now, subscription.secret);
    }

    private static WebhookResponse of(WebhookSubscription subscription, Instant now, String secret) {
        boolean previousSecretSigns = subscription.previousSecret != null && subscription.previousSecretExpiresAt != null
                && subscription.previousSecretExpiresAt.isAfter(now);
        return new WebhookResponse(subscription.id, subscription.url, subscription.description,
                List.copyOf(subscription.eventTypes), subscription.enabled, subscription.disabledReason,
                subscription.failingSince, subscription.pausedUntil,
                previousSecretSigns ? subscription.previousSecretExpiresAt : null,
                subscription.createdAt, secret);
    }
}
