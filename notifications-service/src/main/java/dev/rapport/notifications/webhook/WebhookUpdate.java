package dev.rapport.notifications.webhook;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a subscriber may change of a subscription: the document an RFC 7396 merge patch is
 * applied to. The patched document is read strictly (no other member) and validated whole.
 * In the OpenAPI document no member is required, since a patch names only what it changes.
 */
@Schema(name = "WebhookUpdate", description = "The members to change; members left out are kept, description: null clears it")
public record WebhookUpdate(
        @NotBlank @Size(max = 2000)
        @Schema(required = false, description = "Where to POST events: a public https URL. A new URL is a new endpoint: its failures are forgotten",
                examples = "https://example.com/rapport/webhooks/v2") String url,
        @NotEmpty @Size(max = 50)
        @Schema(required = false, description = "Event types to receive: exact names, a prefix ending in *, or * for all",
                examples = "[\"rapport.notification.*\"]")
        List<@NotBlank @Size(max = 100) @Pattern(regexp = WebhookRequest.EVENT_TYPE, message = WebhookRequest.EVENT_TYPE_MESSAGE) String> eventTypes,
        @Size(max = 500) @Schema(nullable = true, description = "null clears it", examples = "CRM sync (v2)") String description,
        @NotNull
        @Schema(required = false, description = "false stops deliveries (disabledReason BY_OWNER); true starts them again, with its failures forgotten")
        Boolean enabled) {

    static WebhookUpdate of(WebhookSubscription subscription) {
        return new WebhookUpdate(subscription.url, List.copyOf(subscription.eventTypes), subscription.description, subscription.enabled);
    }
}
