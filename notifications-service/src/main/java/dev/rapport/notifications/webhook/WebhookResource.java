package dev.rapport.notifications.webhook;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import dev.rapport.platform.http.ETags;
import dev.rapport.platform.http.MergePatch;
import dev.rapport.platform.http.Page;
import dev.rapport.platform.http.PageRequest;
import dev.rapport.platform.security.CurrentOwner;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/webhooks")
@Authenticated
@Tag(name = "Webhooks", description = "Signed deliveries of notifications and domain events (Standard Webhooks)")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    static final String CREATE_EXAMPLE = """
            {"url": "https://example.com/rapport/webhooks", "eventTypes": ["rapport.notification.*", "rapport.referral.received.v1"],
             "description": "CRM sync"}""";

    static final String CREATED_EXAMPLE = """
            {"id": "9b0c6f1e-2d4a-4c7b-8e51-3f6a2b9d0c17", "url": "https://example.com/rapport/webhooks", "description": "CRM sync",
             "eventTypes": ["rapport.notification.*", "rapport.referral.received.v1"], "enabled": true,
             "createdAt": "2026-12-01T10:00:00Z", "secret": "whsec_lP3L+5+jmUjMpfqMBAhSy1M1txeSKMbBHU+Q5pB+voQ="}""";

    static final String WEBHOOK_EXAMPLE = """
            {"id": "9b0c6f1e-2d4a-4c7b-8e51-3f6a2b9d0c17", "url": "https://example.com/rapport/webhooks", "description": "CRM sync",
             "eventTypes": ["rapport.notification.*", "rapport.referral.received.v1"], "enabled": false, "disabledReason": "FAILING",
             "failingSince": "2026-11-26T08:12:40Z", "createdAt": "2026-10-01T10:00:00Z"}""";

    static final String PATCH_EXAMPLE = """
            {"url": "https://example.com/rapport/webhooks/v2", "eventTypes": ["rapport.notification.*"], "description": null,
             "enabled": true}""";

    static final String PATCHED_EXAMPLE = """
            {"id": "9b0c6f1e-2d4a-4c7b-8e51-3f6a2b9d0c17", "url": "https://example.com/rapport/webhooks/v2",
             "eventTypes": ["rapport.notification.*"], "enabled": true, "createdAt": "2026-10-01T10:00:00Z"}""";

    static final String ROTATED_EXAMPLE = """
            {"id": "9b0c6f1e-2d4a-4c7b-8e51-3f6a2b9d0c17", "url": "https://example.com/rapport/webhooks", "description": "CRM sync",
             "eventTypes": ["rapport.notification.*", "rapport.referral.received.v1"], "enabled": true,
             "previousSecretExpiresAt": "2026-12-02T10:00:00Z", "createdAt": "2026-10-01T10:00:00Z",
             "secret": "whsec_5Q+Htx5UoO2rf89zdFIO+6CF9DDZmwN6b0MBGRJ4LFM="}""";

    private final WebhookService webhooks;
    private final CurrentOwner owner;

    WebhookResource(WebhookService webhooks, CurrentOwner owner) {
        this.webhooks = webhooks;
        this.owner = owner;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhook", summary = "Subscribe an endpoint",
            description = "Every event of a wanted type is POSTed to the URL with webhook-id, webhook-timestamp and "
                    + "webhook-signature headers (v1, base64 HMAC-SHA256 of id.timestamp.body; during a secret rotation two "
                    + "signatures, space-separated). The answer carries the signing secret, shown this once. The URL must be a "
                    + "public https URL (400 on url otherwise).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookRequest.class),
            examples = @ExampleObject(name = "notifications and referrals", summary = "Notifications and referrals received",
                    value = CREATE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Subscribed; the body includes the secret",
            content = @Content(schema = @Schema(implementation = WebhookResponse.class),
                    examples = @ExampleObject(name = "subscribed", summary = "With its secret, shown this once", value = CREATED_EXAMPLE)))
    public Response create(@Valid @NotNull WebhookRequest body) {
        WebhookService.Versioned created = webhooks.create(owner.id(), body);
        return Response.created(URI.create("/webhooks/" + created.webhook().id()))
                .tag(ETags.of(created.version())).entity(created.webhook()).build();
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "List webhook subscriptions, newest first",
            description = "Pages with ?limit= (1-200, default 50) and the nextCursor of the previous page. Secrets are not shown.")
    @APIResponse(responseCode = "200", description = "One page of subscriptions")
    public Page<WebhookResponse> list(
            @Parameter(description = "Page size, 1 to 200", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return webhooks.list(owner.id(), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhook", summary = "Get a webhook subscription",
            description = "Without its secret; with its health: disabledReason while disabled, failingSince during a run of failed "
                    + "attempts, pausedUntil while nothing is sent to it, previousSecretExpiresAt while the secret before a rotation "
                    + "also signs.")
    @APIResponse(responseCode = "200", description = "The subscription, with its ETag",
            content = @Content(schema = @Schema(implementation = WebhookResponse.class),
                    examples = @ExampleObject(name = "disabled", summary = "Disabled after failing for 5 days", value = WEBHOOK_EXAMPLE)))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag")
    public Response get(@PathParam("id") UUID id) {
        WebhookService.Versioned found = webhooks.get(owner.id(), id);
        return Response.ok(found.webhook()).tag(ETags.of(found.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteWebhook", summary = "Unsubscribe", description = "Pending deliveries are dropped. Honours If-Match.")
    @APIResponse(responseCode = "204", description = "Unsubscribed")
    public void delete(@PathParam("id") UUID id,
            @Parameter(description = "ETag the deletion is based on") @HeaderParam("If-Match") String ifMatch) {
        webhooks.delete(owner.id(), id, ifMatch);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(operationId = "patchWebhook", summary = "Change a webhook subscription",
            description = "An RFC 7396 merge patch of url, eventTypes, description (null clears it) and enabled; members left out "
                    + "are kept, any other member is a 400. A new url is checked like at subscription and is a new endpoint: its "
                    + "failures are forgotten. enabled: false stops deliveries (disabledReason BY_OWNER; its pending deliveries "
                    + "wait and no new ones are queued); enabled: true is POST /webhooks/{id}/enable. Honours If-Match.")
    @APIResponse(responseCode = "200", description = "The changed subscription, with its new ETag",
            content = @Content(schema = @Schema(implementation = WebhookResponse.class),
                    examples = @ExampleObject(name = "moved and enabled", summary = "At its new URL, enabled again", value = PATCHED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Not a JSON object, a member other than url, eventTypes, description and "
            + "enabled, a wrong type or a bad value (such as a URL that is not a public https URL); nothing was changed")
    public Response patch(@PathParam("id") UUID id,
            @Parameter(description = "ETag the change is based on") @HeaderParam("If-Match") String ifMatch,
            @RequestBody(description = "The members to change", content = @Content(mediaType = MergePatch.MEDIA_TYPE,
                    schema = @Schema(implementation = WebhookUpdate.class),
                    examples = @ExampleObject(name = "move and enable", summary = "A new URL and types, no description, enabled again",
                            value = PATCH_EXAMPLE)))
            @NotNull JsonNode body) {
        WebhookService.Versioned patched = webhooks.patch(owner.id(), id, ifMatch, body);
        return Response.ok(patched.webhook()).tag(ETags.of(patched.version())).build();
    }

    @POST
    @Path("/{id}/ping")
    @Operation(operationId = "pingWebhook", summary = "Send a test ping",
            description = "Queues a rapport.webhook.ping.v1 event for this endpoint alone; see its deliveries for the outcome.")
    @APIResponse(responseCode = "202", description = "The ping is queued")
    public Response ping(@PathParam("id") UUID id) {
        return Response.accepted(Map.of("pingId", webhooks.ping(owner.id(), id))).build();
    }

    @POST
    @Path("/{id}/enable")
    @Operation(operationId = "enableWebhook", summary = "Enable an endpoint again",
            description = "An endpoint is disabled by its owner (PATCH enabled: false, disabledReason BY_OWNER), when it answers "
                    + "410 Gone (GONE), or when all its attempts have failed for 5 days (FAILING); in the last two its owner gets a "
                    + "webhook.disabled notification. While disabled nothing is sent to it and no new events are queued for it. "
                    + "Enabling it forgets its failures, resolves that notification and resumes the deliveries that waited; "
                    + "failed ones are sent again with /recover or /redeliver. The same as PATCH {\"enabled\": true}. "
                    + "Honours If-Match.")
    @APIResponse(responseCode = "200", description = "The subscription, enabled, with its new ETag",
            content = @Content(schema = @Schema(implementation = WebhookResponse.class)))
    public Response enable(@PathParam("id") UUID id,
            @Parameter(description = "ETag the change is based on") @HeaderParam("If-Match") String ifMatch) {
        WebhookService.Versioned enabled = webhooks.enable(owner.id(), id, ifMatch);
        return Response.ok(enabled.webhook()).tag(ETags.of(enabled.version())).build();
    }

    @POST
    @Path("/{id}/rotate-secret")
    @Operation(operationId = "rotateWebhookSecret", summary = "Rotate the signing secret",
            description = "Gives the subscription a new secret, shown in this answer only. The current secret becomes the previous "
                    + "one and keeps signing beside the new one until previousSecretExpiresAt (24 hours by default): each delivery's "
                    + "webhook-signature then carries two signatures, space-separated (v1,<new> v1,<previous>), and a receiver "
                    + "accepts one that matches. Rotating again replaces the previous secret: at most two sign at a time. "
                    + "Honours If-Match.")
    @APIResponse(responseCode = "200", description = "The subscription with its new secret, shown this once, and its new ETag",
            content = @Content(schema = @Schema(implementation = WebhookResponse.class),
                    examples = @ExampleObject(name = "rotated", summary = "The new secret; the previous one signs for 24 hours",
                            value = ROTATED_EXAMPLE)))
    public Response rotateSecret(@PathParam("id") UUID id,
            @Parameter(description = "ETag the change is based on") @HeaderParam("If-Match") String ifMatch) {
        WebhookService.Versioned rotated = webhooks.rotateSecret(owner.id(), id, ifMatch);
        return Response.ok(rotated.webhook()).tag(ETags.of(rotated.version())).build();
    }

    @POST
    @Path("/{id}/recover")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recoverWebhook", summary = "Send failed deliveries again",
            description = "Queues every FAILED delivery of this subscription created at or after since (not in the future) at once, "
                    + "with a fresh series of attempts. On a disabled endpoint they wait until it is enabled. Events that happened "
                    + "while it was disabled were never queued for it and are not recovered.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecoverRequest.class),
            examples = @ExampleObject(name = "since the outage", summary = "Everything that failed since 1 December",
                    value = "{\"since\": \"2026-12-01T00:00:00Z\"}")))
    @APIResponse(responseCode = "202", description = "How many failed deliveries are queued again",
            content = @Content(schema = @Schema(implementation = RecoverResponse.class),
                    examples = @ExampleObject(name = "requeued", summary = "Three deliveries queued again", value = "{\"requeued\": 3}")))
    @APIResponse(responseCode = "400", description = "since is missing, not an RFC 3339 date-time or in the future, or the body "
            + "has another member")
    public Response recover(@PathParam("id") UUID id, @Valid @NotNull RecoverRequest body) {
        return Response.accepted(new RecoverResponse(webhooks.recover(owner.id(), id, body.since()))).build();
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @Operation(operationId = "redeliverWebhook", summary = "Send a delivery again",
            description = "Queues the delivery at once with a fresh series of attempts, whether it was delivered, failed or pending. "
                    + "On a disabled endpoint it waits until the endpoint is enabled.")
    @APIResponse(responseCode = "202", description = "The delivery is queued")
    public Response redeliver(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        webhooks.redeliver(owner.id(), id, deliveryId);
        return Response.accepted().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The delivery log, newest first",
            description = "Each delivery with its status and every attempt: time, HTTP status or error, duration.")
    @APIResponse(responseCode = "200", description = "One page of deliveries")
    public Page<DeliveryResponse> deliveries(@PathParam("id") UUID id,
            @Parameter(description = "Page size, 1 to 200", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return webhooks.deliveries(owner.id(), id, PageRequest.of(limit, cursor));
    }
}
