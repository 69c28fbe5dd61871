package dev.rapport.contacts.provenance;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.rapport.platform.security.CurrentOwner;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Where the owner knows a contact from. */
@Path("/contacts")
@Authenticated
@Tag(name = "Contacts", description = "The people in the owner's network")
@Produces(MediaType.APPLICATION_JSON)
public class ProvenanceResource {

    private final ProvenanceService provenance;
    private final CurrentOwner owner;

    ProvenanceResource(ProvenanceService provenance, CurrentOwner owner) {
        this.provenance = provenance;
        this.owner = owner;
    }

    @GET
    @Path("/{id}/provenance")
    @Operation(operationId = "getContactProvenance", summary = "How I came to know a contact",
            description = "Follows introducedBy from the contact back to the person the owner met (source MET_AT_EVENT "
                    + "or OTHER) or whose introducer is not recorded, and answers the chain from that person to the "
                    + "contact, with the story in words. A contact met directly is a chain of one.")
    @APIResponse(responseCode = "200", description = "The chain, the contact last",
            content = @Content(schema = @Schema(implementation = ProvenanceResponse.class)))
    public ProvenanceResponse get(@PathParam("id") UUID id) {
        return provenance.of(owner.id(), id);
    }
}
