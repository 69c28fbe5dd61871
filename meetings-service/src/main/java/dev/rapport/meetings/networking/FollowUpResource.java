package dev.rapport.meetings.networking;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.rapport.platform.http.Page;
import dev.rapport.platform.http.PageRequest;
import dev.rapport.platform.http.QueryParams;
import dev.rapport.platform.security.CurrentOwner;
import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/follow-ups")
@Authenticated
@Tag(name = "Networking events")
@Produces(MediaType.APPLICATION_JSON)
public class FollowUpResource {

    private final NetworkingEventService events;
    private final CurrentOwner owner;

    FollowUpResource(NetworkingEventService events, CurrentOwner owner) {
        this.events = events;
        this.owner = owner;
    }

    @GET
    @Operation(operationId = "listFollowUps", summary = "Everyone met at events lately, and their follow-up",
            description = "Each person met at an event that began at or after metSince (default: 30 days ago), once, at the "
                    + "latest such event, latest first. ?invited=false answers \"everyone I met in the last 30 days and have "
                    + "not invited\". Pages with ?limit= (1-200, default 50) and the opaque nextCursor of the previous page.")
    @APIResponse(responseCode = "200", description = "One page of people met")
    public Page<FollowUp> list(
            @Parameter(description = "Only people met at events that began at or after this (RFC 3339); default: 30 days ago",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"), example = "2026-11-01T00:00:00Z")
            @QueryParam("metSince") String metSince,
            @Parameter(description = "true: only people invited to a one-to-one since; false: only people not invited",
                    schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("invited") String invited,
            @Parameter(description = "Page size, 1 to 200", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") @Size(max = 200) String cursor) {
        return events.followUps(owner.id(), QueryParams.instant("metSince", metSince), QueryParams.optionalBool("invited", invited),
                PageRequest.of(limit, cursor));
    }
}
