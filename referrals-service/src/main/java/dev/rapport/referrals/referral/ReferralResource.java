package dev.rapport.referrals.referral;

import java.net.URI;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/referrals")
@Authenticated
@Tag(name = "Referrals", description = "The ledger of referrals given to and received from partner contacts")
@Produces(MediaType.APPLICATION_JSON)
public class ReferralResource {

    private final ReferralService referrals;
    private final CurrentOwner owner;

    ReferralResource(ReferralService referrals, CurrentOwner owner) {
        this.referrals = referrals;
        this.owner = owner;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createReferral", summary = "Record a referral",
            description = "Records a referral given to, or received from, one of the caller's contacts, with status OPEN, "
                    + "and publishes rapport.referral.given.v1 or rapport.referral.received.v1. "
                    + "A partnerId that is not the caller's contact answers 422 unknown-contact.")
    @APIResponse(responseCode = "201", description = "The referral was recorded; Location names it",
            content = @Content(schema = @Schema(implementation = ReferralResponse.class)))
    public Response create(@Valid @NotNull ReferralRequest body) {
        ReferralService.Versioned created = referrals.create(owner.id(), body);
        return Response.created(URI.create("/referrals/" + created.referral().id()))
                .tag(ETags.of(created.version()))
                .entity(created.referral())
                .build();
    }

    @GET
    @Operation(operationId = "listReferrals", summary = "List referrals, newest first",
            description = "Ordered by occurredAt, newest first. Pages with ?limit= (1-200, default 50) and the opaque "
                    + "nextCursor of the previous page; ?partnerId= and ?direction= narrow the list.")
    @APIResponse(responseCode = "200", description = "One page of referrals")
    public Page<ReferralResponse> list(
            @Parameter(description = "Page size, 1 to 200", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") @Size(max = 200) String cursor,
            @Parameter(description = "Only referrals with this partner", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("partnerId") String partnerId,
            @Parameter(description = "Only referrals going this way", schema = @Schema(type = SchemaType.STRING, enumeration = { "GIVEN", "RECEIVED" }))
            @QueryParam("direction") String direction) {
        return referrals.list(owner.id(), PageRequest.of(limit, cursor), QueryParams.uuid("partnerId", partnerId),
                QueryParams.enumOf("direction", direction, Direction.class));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getReferral", summary = "Get a referral",
            description = "Answers the referral and its current status, with its ETag.")
    @APIResponse(responseCode = "200", description = "The referral, with its ETag",
            content = @Content(schema = @Schema(implementation = ReferralResponse.class)))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag")
    public Response get(@PathParam("id") UUID id) {
        ReferralService.Versioned found = referrals.get(owner.id(), id);
        return Response.ok(found.referral()).tag(ETags.of(found.version())).build();
    }
}
