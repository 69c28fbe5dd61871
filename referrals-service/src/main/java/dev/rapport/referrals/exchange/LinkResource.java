package dev.rapport.referrals.exchange;

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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/links")
@Authenticated
@Tag(name = "Links")
@Produces(MediaType.APPLICATION_JSON)
public class LinkResource {

    private final LinkService links;
    private final CurrentOwner owner;

    LinkResource(LinkService links, CurrentOwner owner) {
        this.links = links;
        this.owner = owner;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "acceptLinkInvitation", summary = "Link with a member: accept their invitation code",
            description = "Links the caller with the member who made the code, naming the caller's contact for them. From "
                    + "then on a referral either gives the other (to their contact for the other) appears in the receiver's "
                    + "ledger as received, and the receiver's status changes, value and thanks flow back to the giver's copy. "
                    + "Publishes rapport.referral.linked.v1 to both members. 422 unknown-link-code for a code mistyped, "
                    + "expired, withdrawn or accepted already; 422 own-link-code for the caller's own; 409 already-linked "
                    + "when the two are linked already, or either contact is.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LinkRequest.class),
            examples = @ExampleObject(name = "alice", summary = "Sam accepts Alice's code, naming his contact for her",
                    value = "{\"code\": \"K7QD-M2XA-PW4N-TZ6B\", \"partnerId\": \"3c9d2e7f-1a4b-4c8d-8e2f-7b6a5d4c3b2a\"}")))
    @APIResponse(responseCode = "201", description = "The link; Location names it",
            content = @Content(schema = @Schema(implementation = LinkResponse.class),
                    examples = @ExampleObject(name = "link", value = """
                            {"id": "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b", "partnerId": "3c9d2e7f-1a4b-4c8d-8e2f-7b6a5d4c3b2a",
                             "linkedAt": "2026-11-21T10:00:00Z"}""")))
    @APIResponse(responseCode = "409", description = "Linked already (already-linked)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response accept(@Valid @NotNull LinkRequest body) {
        LinkResponse link = links.accept(owner.id(), body);
        return Response.created(URI.create("/links/" + link.id())).entity(link).build();
    }

    @GET
    @Operation(operationId = "listLinks", summary = "List the caller's links, newest first",
            description = "Pages with ?limit= (1-200, default 50) and the opaque nextCursor of the previous page.")
    @APIResponse(responseCode = "200", description = "One page of links")
    public Page<LinkResponse> list(
            @Parameter(description = "Page size, 1 to 200", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") @Size(max = 200) String cursor) {
        return links.list(owner.id(), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getLink", summary = "Get a link",
            description = "One of the caller's links: its id, the caller's contact for the linked member, and when it was made.")
    @APIResponse(responseCode = "200", description = "The link", content = @Content(schema = @Schema(implementation = LinkResponse.class)))
    public LinkResponse get(@PathParam("id") UUID id) {
        return links.get(owner.id(), id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "unlink", summary = "Unlink",
            description = "Undoes the link for both members and publishes rapport.referral.unlinked.v1 to each. Referrals "
                    + "shared so far stay in both ledgers as each member's own: the giver's no longer follows the receiver's, "
                    + "and new referrals are no longer shared.")
    @APIResponse(responseCode = "204", description = "The link was undone")
    public void unlink(@PathParam("id") UUID id) {
        links.unlink(owner.id(), id);
    }
}
