package dev.rapport.meetings.touchpoint;

import java.net.URI;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.rapport.meetings.contacts.ContactReferences;
import dev.rapport.platform.http.QueryParams;
import dev.rapport.platform.http.ETags;
import dev.rapport.platform.http.Page;
import dev.rapport.platform.http.PageRequest;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/touchpoints")
@Authenticated
@Tag(name = "Touchpoints", description = "Calls, emails, messages and other light contact with contacts")
@Produces(MediaType.APPLICATION_JSON)
public class TouchpointResource {

    private final TouchpointService touchpoints;
    private final CurrentOwner owner;

    TouchpointResource(TouchpointService touchpoints, CurrentOwner owner) {
        this.touchpoints = touchpoints;
        this.owner = owner;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "logTouchpoint", summary = "Log a touchpoint",
            description = "Logs a call, email, message or other contact with one of the caller's contacts and publishes "
                    + "rapport.touchpoint.logged.v1. occurredAt must not be in the future; an unknown, deleted or foreign "
                    + "contact is refused with 422 unknown-contact.")
    @APIResponse(responseCode = "201", description = "The touchpoint was logged; Location names it",
            content = @Content(schema = @Schema(implementation = TouchpointResponse.class)))
    public Response log(@Valid @NotNull TouchpointRequest body) {
        TouchpointService.Versioned logged = touchpoints.log(owner.id(), body);
        return Response.created(URI.create("/touchpoints/" + logged.touchpoint().id()))
                .tag(ETags.of(logged.version()))
                .entity(logged.touchpoint())
                .build();
    }

    @GET
    @Operation(operationId = "listTouchpoints", summary = "List touchpoints, latest first",
            description = "Ordered by occurredAt, latest first. Pages with ?limit= (1-200, default 50) and the opaque "
                    + "nextCursor of the previous page.")
    @APIResponse(responseCode = "200", description = "One page of touchpoints")
    public Page<TouchpointResponse> list(
            @Parameter(description = "Page size, 1 to 200", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") @Size(max = 200) String cursor,
            @Parameter(description = "Only touchpoints with this contact", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("contactId") String contactId) {
        return touchpoints.list(owner.id(), PageRequest.of(limit, cursor), QueryParams.uuid("contactId", contactId));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getTouchpoint", summary = "Get a touchpoint",
            description = "Answers the touchpoint with its ETag, for a later If-Match.")
    @APIResponse(responseCode = "200", description = "The touchpoint, with its ETag",
            content = @Content(schema = @Schema(implementation = TouchpointResponse.class)))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag")
    public Response get(@PathParam("id") UUID id) {
        TouchpointService.Versioned found = touchpoints.get(owner.id(), id);
        return Response.ok(found.touchpoint()).tag(ETags.of(found.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteTouchpoint", summary = "Delete a touchpoint",
            description = "Deletes the touchpoint and publishes rapport.touchpoint.deleted.v1. Honours If-Match.")
    @APIResponse(responseCode = "204", description = "The touchpoint was deleted")
    public void delete(@PathParam("id") UUID id,
            @Parameter(description = "ETag the deletion is based on") @HeaderParam("If-Match") String ifMatch) {
        touchpoints.delete(owner.id(), id, ifMatch);
    }
}
