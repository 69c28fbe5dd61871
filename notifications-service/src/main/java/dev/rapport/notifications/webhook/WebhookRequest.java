package dev.rapport.notifications.webhook;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new webhook subscription. */
@Schema(name = "WebhookRequest")
public record WebhookRequest(
        @NotBlank @Size(max = 2000)
        @Schema(description = "Where to POST events: a public https URL", examples = "https://example.com/rapport/webhooks") String url,
        @NotEmpty @Size(max = 50)
        @Schema(description = "Event types to receive: exact names, a prefix ending in *, or * for all",
                examples = "[\"rapport.notification.*\", \"rapport.referral.received.v1\"]")
        List<@NotBlank @Size(max = 100) @Pattern(regexp = EVENT_TYPE, message = EVENT_TYPE_MESSAGE) String> eventTypes,
        @Size(max = 500) @Schema(examples = "CRM sync") String description) {

    /** An event type a subscription may want; {@link WebhookUpdate} checks its event types the same way. */
    static final String EVENT_TYPE = "^(\\*|[a-z0-9.-]+\\*?)$";
    static final String EVENT_TYPE_MESSAGE = "must be an event type, a prefix ending in *, or *";
}
