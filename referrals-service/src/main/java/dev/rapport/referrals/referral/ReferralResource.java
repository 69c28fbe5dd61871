package dev.rapport.referrals.referral;

import java.net.URI;
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

import dev.rapport.platform.http.QueryParams;
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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

    @POST
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeReferralStatus", summary = "Move a referral to its next status",
            description = "OPEN → CONTACTED, LOST or DECLINED; CONTACTED → MEETING, WON, LOST or DECLINED; MEETING → WON, LOST "
                    + "or DECLINED; WON, LOST and DECLINED are final (a reversal corrects them). WON needs a value. Appends a "
                    + "ledger entry and publishes rapport.referral.status-changed.v1, and rapport.referral.won.v1 or "
                    + "rapport.referral.lost.v1 for those ends. Honours If-Match.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StatusChangeRequest.class),
            examples = {
                    @ExampleObject(name = "contacted", summary = "The referred person was called",
                            value = "{\"to\": \"CONTACTED\", \"at\": \"2026-11-21T10:00:00Z\", \"note\": \"Called Jo; meeting next week\"}"),
                    @ExampleObject(name = "won", summary = "Business came of it",
                            value = "{\"to\": \"WON\", \"value\": {\"amount\": \"1200.50\", \"currency\": \"EUR\"}, \"note\": \"A year of bookkeeping\"}") }))
    @APIResponse(responseCode = "200", description = "The referral in its new status, with its new ETag",
            content = @Content(schema = @Schema(implementation = ReferralResponse.class)))
    @APIResponse(responseCode = "409", description = "The current status does not allow the move (illegal-status-change; the "
            + "detail names the allowed statuses), the referral was changed concurrently, or has all the entries it may have",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "412", description = "If-Match names no current ETag",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response changeStatus(@PathParam("id") UUID id,
            @Parameter(description = "ETag the change is based on") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull StatusChangeRequest body) {
        return answer(referrals.changeStatus(owner.id(), id, ifMatch, body));
    }

    @POST
    @Path("/{id}/reversal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reverseReferralStatus", summary = "Correct a referral: reverse its latest status",
            description = "Appends a reversal entry that undoes the latest status entry not yet reversed (its value with it): "
                    + "the referral is back in the status before. Nothing recorded is changed. Publishes "
                    + "rapport.referral.status-changed.v1 with reversal true. The body is optional. Honours If-Match.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReversalRequest.class),
            examples = @ExampleObject(name = "mistake", summary = "Recorded on the wrong referral",
                    value = "{\"note\": \"Won was meant for the other referral from Sam\"}")))
    @APIResponse(responseCode = "200", description = "The referral in its restored status, with its new ETag",
            content = @Content(schema = @Schema(implementation = ReferralResponse.class)))
    @APIResponse(responseCode = "409", description = "Nothing to reverse (nothing-to-reverse: the referral is at its first "
            + "entry), or the referral was changed concurrently",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "412", description = "If-Match names no current ETag",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response reverse(@PathParam("id") UUID id,
            @Parameter(description = "ETag the change is based on") @HeaderParam("If-Match") String ifMatch,
            @Valid ReversalRequest body) {
        return answer(referrals.reverse(owner.id(), id, ifMatch, body));
    }

    @POST
    @Path("/{id}/thanks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "thankForReferral", summary = "Mark a won referral received as thanked",
            description = "The caller thanked the partner who gave them this referral, now WON: appends a THANKED entry and "
                    + "publishes rapport.referral.thanked.v1 (the giver learns it; a referral.won nudge is resolved). "
                    + "The body is optional. Honours If-Match.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ThanksRequest.class),
            examples = @ExampleObject(name = "lunch", summary = "Thanked over lunch", value = "{\"note\": \"Lunch at Rosa's\"}")))
    @APIResponse(responseCode = "200", description = "The referral with thankedAt, and its new ETag",
            content = @Content(schema = @Schema(implementation = ReferralResponse.class)))
    @APIResponse(responseCode = "409", description = "Not a WON referral received, or thanked for already (cannot-thank), "
            + "or the referral was changed concurrently",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "412", description = "If-Match names no current ETag",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response thank(@PathParam("id") UUID id,
            @Parameter(description = "ETag the change is based on") @HeaderParam("If-Match") String ifMatch,
            @Valid ThanksRequest body) {
        return answer(referrals.thank(owner.id(), id, ifMatch, body));
    }

    @GET
    @Path("/{id}/history")
    @Operation(operationId = "getReferralHistory", summary = "A referral's ledger entries, first to last",
            description = "Every entry: the first (OPEN), each status reached, reversals and thanks, with time, author and "
                    + "note. A referral has at most 100 entries, so the history comes whole (no nextCursor).")
    @APIResponse(responseCode = "200", description = "The entries")
    public Page<ReferralEntryResponse> history(@PathParam("id") UUID id) {
        return referrals.history(owner.id(), id);
    }

    private static Response answer(ReferralService.Versioned changed) {
        return Response.ok(changed.referral()).tag(ETags.of(changed.version())).build();
    }
}
