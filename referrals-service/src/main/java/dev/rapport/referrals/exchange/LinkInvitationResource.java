package dev.rapport.referrals.exchange;

import java.net.URI;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.rapport.platform.http.Problem;
import dev.rapport.platform.security.CurrentOwner;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/link-invitations")
@Authenticated
@Tag(name = "Links", description = "Member-to-member exchange: two members of Rapport link their records, and referrals one "
        + "gives the other appear in the receiver's ledger, whose changes the giver's copy follows")
@Produces(MediaType.APPLICATION_JSON)
public class LinkInvitationResource {

    private final LinkService links;
    private final CurrentOwner owner;

    LinkInvitationResource(LinkService links, CurrentOwner owner) {
        this.links = links;
        this.owner = owner;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "inviteToLink", summary = "Invite a member to link",
            description = "Makes an invitation code for the member of Rapport behind one of the caller's contacts. Give them "
                    + "the code (it is answered only here; only its hash is kept): they accept it with POST /links within "
                    + "the invitation's lifetime (7 days by default). 422 unknown-contact for a contact not the caller's; "
                    + "409 already-linked when the contact is linked already.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LinkInvitationRequest.class),
            examples = @ExampleObject(name = "sam", summary = "Invite Sam, a contact who uses Rapport too",
                    value = "{\"partnerId\": \"6a1f4c9e-2b7d-4e0a-9c3f-5d8e7b2a1c04\"}")))
    @APIResponse(responseCode = "201", description = "The invitation, with its code; Location names it",
            content = @Content(schema = @Schema(implementation = LinkInvitationResponse.class),
                    examples = @ExampleObject(name = "invitation", value = """
                            {"id": "0b6c2f1e-8d4a-4f3b-9e7c-1a2b3c4d5e6f", "code": "K7QD-M2XA-PW4N-TZ6B",
                             "partnerId": "6a1f4c9e-2b7d-4e0a-9c3f-5d8e7b2a1c04", "createdAt": "2026-11-20T09:00:00Z",
                             "expiresAt": "2026-11-27T09:00:00Z"}""")))
    @APIResponse(responseCode = "409", description = "The contact is linked already (already-linked)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response invite(@Valid @NotNull LinkInvitationRequest body) {
        LinkInvitationResponse invitation = links.invite(owner.id(), body);
        return Response.created(URI.create("/link-invitations/" + invitation.id())).entity(invitation).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getLinkInvitation", summary = "Get an invitation to link",
            description = "The caller's invitation, without its code; acceptedAt once the member invited accepted it.")
    @APIResponse(responseCode = "200", description = "The invitation",
            content = @Content(schema = @Schema(implementation = LinkInvitationResponse.class)))
    public LinkInvitationResponse get(@PathParam("id") UUID id) {
        return links.invitation(owner.id(), id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "withdrawLinkInvitation", summary = "Withdraw an invitation to link",
            description = "Its code can no longer be accepted. A link the invitation made stays (DELETE /links/{id} undoes it).")
    @APIResponse(responseCode = "204", description = "The invitation was withdrawn")
    public void withdraw(@PathParam("id") UUID id) {
        links.revoke(owner.id(), id);
    }
}
