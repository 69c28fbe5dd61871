package dev.rapport.notifications.notification;

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

import dev.rapport.notifications.digest.Digests;
import dev.rapport.notifications.rules.RuleName;
import dev.rapport.notifications.webhook.WebhookDispatcher;
import dev.rapport.platform.http.ProblemException;
import dev.rapport.platform.http.QueryParams;
import dev.rapport.platform.http.Page;
import dev.rapport.platform.http.PageRequest;
import dev.rapport.platform.security.CurrentOwner;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
            description = "Dismissed notifications are left out unless includeDismissed=true, snoozed ones (until their time) unless "
                    + "includeSnoozed=true. When one sweep raised more of a rule's notifications than the flood limit, they are grouped "
                    + "under one summary notification (memberCount) and listed with groupId=its id, or by subjectId; otherwise the "
                    + "list shows the summary only. Filters combine: rule, subjectId, groupId, status, unread.")
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
            @QueryParam("includeDismissed") String includeDismissed,
            @Parameter(description = "Include notifications snoozed until a later time", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
            @QueryParam("includeSnoozed") String includeSnoozed,
            @Parameter(description = "Only the notifications of this rule", example = "relationship.stalled",
                    schema = @Schema(enumeration = { "referral.unreturned", "referral.unacknowledged", "referral.won", "relationship.stalled",
                            "relationship.dormant", "event.follow-up", "meeting.no-response", "meeting.ask-who-they-know",
                            "reservation.unresolved", "webhook.disabled", "notification.digest" }))
            @QueryParam("rule") String rule,
            @Parameter(description = "Only the notifications about this subject (a contact, partner, referral, one-to-one, reservation or webhook id)",
                    example = "0b9c7a52-8f3e-4d59-9a53-3f6c2f1d8e11", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("subjectId") String subjectId,
            @Parameter(description = "Only the notifications grouped under this summary notification (its link says so)",
                    example = "5e0c7a1d-2b8f-4c1e-9d3a-7f6b5a4c3d2e", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("groupId") String groupId) {
        var filter = new InboxService.Filter(QueryParams.enumOf("status", status, Notification.Status.class), QueryParams.bool("unread", unread),
                QueryParams.bool("includeDismissed", includeDismissed), QueryParams.bool("includeSnoozed", includeSnoozed), ruleOf(rule),
                QueryParams.uuid("subjectId", subjectId), QueryParams.uuid("groupId", groupId));
        return inbox.list(owner.id(), PageRequest.of(limit, cursor), filter);
    }

    @GET
    @Path("/unread-count")
    @Operation(operationId = "countUnreadNotifications", summary = "How many notifications are unread",
            description = "Counts notifications neither read, dismissed nor snoozed (a summary of a flood counts once); optionally only "
                    + "those of one rule or about one subject (a badge on a contact's page).")
    @APIResponse(responseCode = "200", description = "The count", content = @Content(schema = @Schema(implementation = UnreadCount.class)))
    public UnreadCount unreadCount(
            @Parameter(description = "Only the notifications of this rule", example = "relationship.stalled",
                    schema = @Schema(enumeration = { "referral.unreturned", "referral.unacknowledged", "referral.won", "relationship.stalled",
                            "relationship.dormant", "event.follow-up", "meeting.no-response", "meeting.ask-who-they-know",
                            "reservation.unresolved", "webhook.disabled", "notification.digest" }))
            @QueryParam("rule") String rule,
            @Parameter(description = "Only the notifications about this subject (a contact, partner, referral, one-to-one, reservation or webhook id)",
                    example = "0b9c7a52-8f3e-4d59-9a53-3f6c2f1d8e11", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("subjectId") String subjectId) {
        return new UnreadCount(inbox.unreadCount(owner.id(), ruleOf(rule), QueryParams.uuid("subjectId", subjectId)));
    }

    private static String ruleOf(String rule) {
        if (rule != null && RuleName.of(rule).isEmpty() && !WebhookDispatcher.DISABLED_RULE.equals(rule) && !Digests.RULE.equals(rule)) {
            throw ProblemException.invalid("rule", "must be one of the rules' names, such as relationship.stalled");
        }
        return rule;
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

    @POST
    @Path("/{id}/snooze")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "snoozeNotification", summary = "Snooze a notification until a time",
            description = "Out of the inbox and the unread count until `until`; then it comes back unread (and undismissed), once, "
                    + "published as rapport.notification.returned.v1. It stays open meanwhile, so the rule does not raise it again; "
                    + "a later threshold (OVERDUE) is raised as usual. Snoozing again sets a new time.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SnoozeRequest.class),
            examples = @ExampleObject(name = "after the holidays", summary = "Back in the new year",
                    value = "{\"until\": \"2027-01-04T08:00:00Z\"}")))
    @APIResponse(responseCode = "200", description = "The notification, snoozed", content = @Content(schema = @Schema(implementation = NotificationResponse.class)))
    @APIResponse(responseCode = "400", description = "until is missing, not in the future, or more than a year ahead")
    @APIResponse(responseCode = "404", description = "No such notification of the caller's")
    @APIResponse(responseCode = "409", description = "The notification is resolved: there is nothing to come back for")
    public NotificationResponse snooze(@PathParam("id") UUID id, @Valid @NotNull SnoozeRequest body) {
        return inbox.snooze(owner.id(), id, body.until());
    }
}
