package dev.rapport.meetings.networking;

import java.net.URI;
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
import dev.rapport.platform.http.Problem;
import dev.rapport.platform.security.CurrentOwner;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/networking-events")
@Authenticated
@Tag(name = "Networking events", description = "Events where the owner meets people, who was met there, and their follow-up")
@Produces(MediaType.APPLICATION_JSON)
public class NetworkingEventResource {

    private final NetworkingEventService events;
    private final CurrentOwner owner;

    NetworkingEventResource(NetworkingEventService events, CurrentOwner owner) {
        this.events = events;
        this.owner = owner;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createNetworkingEvent", summary = "Record a networking event",
            description = "Publishes rapport.networking-event.created.v1 (notes stay private). endsAt must not be before startsAt.")
    @APIResponse(responseCode = "201", description = "The event was recorded; Location names it",
            content = @Content(schema = @Schema(implementation = NetworkingEventResponse.class)))
    public Response create(@Valid @NotNull NetworkingEventRequest body) {
        NetworkingEventService.Versioned created = events.create(owner.id(), body);
        return Response.created(URI.create("/networking-events/" + created.event().id()))
                .tag(ETags.of(created.version())).entity(created.event()).build();
    }

    @GET
    @Operation(operationId = "listNetworkingEvents", summary = "List networking events, latest first",
            description = "Ordered by startsAt, latest first. Pages with ?limit= (1-200, default 50) and the opaque nextCursor "
                    + "of the previous page.")
    @APIResponse(responseCode = "200", description = "One page of networking events")
    public Page<NetworkingEventResponse> list(
            @Parameter(description = "Page size, 1 to 200", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") @Size(max = 200) String cursor) {
        return events.list(owner.id(), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getNetworkingEvent", summary = "Get a networking event",
            description = "Answers the event with its ETag, for a later If-Match.")
    @APIResponse(responseCode = "200", description = "The event, with its ETag",
            content = @Content(schema = @Schema(implementation = NetworkingEventResponse.class)))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag")
    public Response get(@PathParam("id") UUID id) {
        NetworkingEventService.Versioned found = events.get(owner.id(), id);
        return Response.ok(found.event()).tag(ETags.of(found.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceNetworkingEvent", summary = "Replace a networking event's details",
            description = "Replaces every field and publishes rapport.networking-event.updated.v1. Who was met there stays. "
                    + "Honours If-Match.")
    @APIResponse(responseCode = "200", description = "The event, with its new ETag",
            content = @Content(schema = @Schema(implementation = NetworkingEventResponse.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not match the event's current ETag",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response replace(@PathParam("id") UUID id,
            @Parameter(description = "ETag the change is based on") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull NetworkingEventRequest body) {
        NetworkingEventService.Versioned replaced = events.replace(owner.id(), id, ifMatch, body);
        return Response.ok(replaced.event()).tag(ETags.of(replaced.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteNetworkingEvent", summary = "Delete a networking event",
            description = "Deletes the event and the record of who was met there (the contacts stay) and publishes "
                    + "rapport.networking-event.deleted.v1. Honours If-Match.")
    @APIResponse(responseCode = "204", description = "The event was deleted")
    @APIResponse(responseCode = "412", description = "If-Match does not match the event's current ETag",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public void delete(@PathParam("id") UUID id,
            @Parameter(description = "ETag the deletion is based on") @HeaderParam("If-Match") String ifMatch) {
        events.delete(owner.id(), id, ifMatch);
    }

    @PUT
    @Path("/{id}/attendees/{contactId}")
    @Operation(operationId = "addAttendee", summary = "Record that one of the caller's contacts was met at the event",
            description = "Publishes rapport.networking-event.attendee-added.v1. Idempotent: 201 when added, 200 when already "
                    + "recorded. An unknown, deleted or foreign contact is refused with 422 unknown-contact. A person met "
                    + "for the first time, from a business card, needs no call here: create them in contacts-service "
                    + "(POST /contacts with metAtEventId, or POST /contacts/import) and meetings-service adds them to the "
                    + "event's people met when their rapport.contact.created.v1 arrives.")
    @APIResponse(responseCode = "201", description = "The contact was added to the people met there",
            content = @Content(schema = @Schema(implementation = NetworkingEventResponse.class)))
    @APIResponse(responseCode = "200", description = "The contact was already recorded as met there",
            content = @Content(schema = @Schema(implementation = NetworkingEventResponse.class)))
    @APIResponse(responseCode = "422", description = "The contact is not one of the caller's (unknown-contact)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response addAttendee(@PathParam("id") UUID id, @PathParam("contactId") UUID contactId) {
        NetworkingEventService.Attended attended = events.addAttendee(owner.id(), id, contactId);
        return Response.status(attended.added() ? 201 : 200).tag(ETags.of(attended.event().version()))
                .entity(attended.event().event()).build();
    }

    @DELETE
    @Path("/{id}/attendees/{contactId}")
    @Operation(operationId = "removeAttendee", summary = "Remove a contact from the people met at the event",
            description = "Publishes rapport.networking-event.attendee-removed.v1; the contact stays.")
    @APIResponse(responseCode = "204", description = "The contact is no longer recorded as met there")
    public void removeAttendee(@PathParam("id") UUID id, @PathParam("contactId") UUID contactId) {
        events.removeAttendee(owner.id(), id, contactId);
    }

    @GET
    @Path("/{id}/follow-up")
    @Operation(operationId = "getFollowUpBoard", summary = "The event's follow-up board",
            description = "Everyone met at the event, by name: the latest one-to-one arranged with each since the event began "
                    + "(invitation and answer), when one was held, when their discovery meeting was held; and the event's "
                    + "completion, the share of people met with whom a one-to-one was held since.")
    @APIResponse(responseCode = "200", description = "The board",
            content = @Content(schema = @Schema(implementation = FollowUpBoard.class)))
    public FollowUpBoard followUp(@PathParam("id") UUID id) {
        return events.board(owner.id(), id);
    }
}
