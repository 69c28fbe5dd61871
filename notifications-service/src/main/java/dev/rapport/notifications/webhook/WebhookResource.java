package dev.rapport.notifications.webhook;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.rapport.platform.http.ETags;
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
                    + "webhook-signature headers (v1, base64 HMAC-SHA256 of id.timestamp.body). The answer carries the "
                    + "signing secret, shown this once.")
    @APIResponse(responseCode = "201", description = "Subscribed; the body includes the secret",
            content = @Content(schema = @Schema(implementation = WebhookResponse.class)))
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
    @Operation(operationId = "getWebhook", summary = "Get a webhook subscription", description = "Without its secret.")
    @APIResponse(responseCode = "200", description = "The subscription, with its ETag",
            content = @Content(schema = @Schema(implementation = WebhookResponse.class)))
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
            description = "An endpoint is disabled when a delivery used up its attempts (its owner gets a webhook.disabled "
                    + "notification). Enabling it resolves that notification and resumes its waiting deliveries. Honours If-Match.")
    @APIResponse(responseCode = "200", description = "The subscription, enabled",
            content = @Content(schema = @Schema(implementation = WebhookResponse.class)))
    public Response enable(@PathParam("id") UUID id,
            @Parameter(description = "ETag the change is based on") @HeaderParam("If-Match") String ifMatch) {
        WebhookService.Versioned enabled = webhooks.enable(owner.id(), id, ifMatch);
        return Response.ok(enabled.webhook()).tag(ETags.of(enabled.version())).build();
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @Operation(operationId = "redeliverWebhook", summary = "Send a delivery again",
            description = "Queues the delivery at once with a fresh series of attempts, whether it was delivered, failed or pending.")
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
