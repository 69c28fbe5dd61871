package dev.rapport.notifications.notification;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.rapport.platform.http.QueryParams;
import dev.rapport.platform.http.Page;
import dev.rapport.platform.http.PageRequest;
import dev.rapport.platform.security.CurrentOwner;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/notifications")
@Authenticated
@Tag(name = "Inbox", description = "What needs the owner's attention")
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {

    private final InboxService inbox;
    private final CurrentOwner owner;

    InboxResource(InboxService inbox, CurrentOwner owner) {
        this.inbox = inbox;
        this.owner = owner;
    }

    /** The unread count, as its own small document. */
    @Schema(name = "UnreadCount")
    public record UnreadCount(long unread) {
    }

    @GET
    @Operation(operationId = "listNotifications", summary = "The inbox, newest first",
            description = "Dismissed notifications are left out unless includeDismissed=true.")
    @APIResponse(responseCode = "200", description = "One page of notifications")
    public Page<NotificationResponse> list(
            @Parameter(description = "Page size, 1 to 200", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Only OPEN or only RESOLVED notifications", schema = @Schema(enumeration = { "OPEN", "RESOLVED" }))
            @QueryParam("status") String status,
            @Parameter(description = "Only unread notifications", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
            @QueryParam("unread") String unread,
            @Parameter(description = "Include dismissed notifications", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
            @QueryParam("includeDismissed") String includeDismissed) {
        return inbox.list(owner.id(), PageRequest.of(limit, cursor), QueryParams.enumOf("status", status, Notification.Status.class),
                QueryParams.bool("unread", unread), QueryParams.bool("includeDismissed", includeDismissed));
    }

    @GET
    @Path("/unread-count")
    @Operation(operationId = "countUnreadNotifications", summary = "How many notifications are unread",
            description = "Counts notifications neither read nor dismissed.")
    @APIResponse(responseCode = "200", description = "The count", content = @Content(schema = @Schema(implementation = UnreadCount.class)))
    public UnreadCount unreadCount() {
        return new UnreadCount(inbox.unreadCount(owner.id()));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getNotification", summary = "Get a notification", description = "One notification of the caller's.")
    @APIResponse(responseCode = "200", description = "The notification", content = @Content(schema = @Schema(implementation = NotificationResponse.class)))
    public NotificationResponse get(@PathParam("id") UUID id) {
        return inbox.get(owner.id(), id);
    }

    @POST
    @Path("/{id}/read")
    @Operation(operationId = "markNotificationRead", summary = "Mark a notification read", description = "Idempotent: the first read time is kept.")
    @APIResponse(responseCode = "200", description = "The notification", content = @Content(schema = @Schema(implementation = NotificationResponse.class)))
    public NotificationResponse markRead(@PathParam("id") UUID id) {
        return inbox.markRead(owner.id(), id);
    }

    @POST
    @Path("/{id}/dismiss")
    @Operation(operationId = "dismissNotification", summary = "Dismiss a notification",
            description = "Hides it from the inbox. It stays open, so the rule does not raise it again until the condition is dealt with.")
    @APIResponse(responseCode = "200", description = "The notification", content = @Content(schema = @Schema(implementation = NotificationResponse.class)))
    public NotificationResponse dismiss(@PathParam("id") UUID id) {
        return inbox.dismiss(owner.id(), id);
    }
}
