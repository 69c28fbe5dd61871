package dev.rapport.contacts.contact;

import java.net.URI;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import dev.rapport.contacts.stage.RelationshipStage;
import dev.rapport.platform.http.ETags;
import dev.rapport.platform.http.MergePatch;
import dev.rapport.platform.http.Page;
import dev.rapport.platform.http.PageRequest;
import dev.rapport.platform.http.QueryParams;
import dev.rapport.platform.security.CurrentOwner;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/contacts")
@Authenticated
@Tag(name = "Contacts", description = "The people in the owner's network")
@Produces(MediaType.APPLICATION_JSON)
public class ContactResource {

    private final ContactService contacts;
    private final CurrentOwner owner;

    ContactResource(ContactService contacts, CurrentOwner owner) {
        this.contacts = contacts;
        this.owner = owner;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createContact", summary = "Add a contact",
            description = "Adds a person to the caller's network and publishes rapport.contact.created.v1.")
    @APIResponse(responseCode = "201", description = "The contact was added; Location names it",
            content = @Content(schema = @Schema(implementation = ContactResponse.class)))
    public Response create(@Valid @NotNull ContactRequest body) {
        ContactService.Versioned created = contacts.create(owner.id(), body);
        return Response.created(URI.create("/contacts/" + created.contact().id()))
                .tag(ETags.of(created.version()))
                .entity(created.contact())
                .build();
    }

    @GET
    @Operation(operationId = "listContacts", summary = "List contacts, newest first",
            description = "Pages with ?limit= (1-200, default 50) and the opaque nextCursor of the previous page. "
                    + "?tag= and ?stage= narrow the list and combine.")
    @APIResponse(responseCode = "200", description = "One page of contacts")
    public Page<ContactResponse> list(
            @Parameter(description = "Page size, 1 to 200", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") @Size(max = 200) String cursor,
            @Parameter(description = "Only contacts with this tag") @QueryParam("tag") @Size(max = 50) String tag,
            @Parameter(description = "Only contacts in this relationship stage",
                    schema = @Schema(implementation = RelationshipStage.class)) @QueryParam("stage") String stage) {
        return contacts.list(owner.id(), PageRequest.of(limit, cursor), tag,
                QueryParams.enumOf("stage", stage, RelationshipStage.class));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getContact", summary = "Get a contact",
            description = "Answers the contact with its ETag, for a later If-Match.")
    @APIResponse(responseCode = "200", description = "The contact, with its ETag",
            content = @Content(schema = @Schema(implementation = ContactResponse.class)))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag")
    public Response get(@PathParam("id") UUID id) {
        ContactService.Versioned found = contacts.get(owner.id(), id);
        return Response.ok(found.contact()).tag(ETags.of(found.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceContact", summary = "Replace a contact's profile",
            description = "Replaces every profile field; fields left out are cleared. Honours If-Match.")
    @APIResponse(responseCode = "200", description = "The updated contact, with its new ETag",
            content = @Content(schema = @Schema(implementation = ContactResponse.class)))
    public Response replace(@PathParam("id") UUID id,
            @Parameter(description = "ETag the change is based on") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ContactRequest body) {
        ContactService.Versioned updated = contacts.replace(owner.id(), id, ifMatch, body);
        return Response.ok(updated.contact()).tag(ETags.of(updated.version())).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(operationId = "patchContact", summary = "Change some of a contact's fields",
            description = "An RFC 7396 merge patch: members set to null are cleared, absent members are kept. Honours If-Match.")
    @APIResponse(responseCode = "200", description = "The updated contact, with its new ETag",
            content = @Content(schema = @Schema(implementation = ContactResponse.class)))
    public Response patch(@PathParam("id") UUID id,
            @Parameter(description = "ETag the change is based on") @HeaderParam("If-Match") String ifMatch,
            @RequestBody(description = "The fields to change", content = @Content(mediaType = MergePatch.MEDIA_TYPE,
                    schema = @Schema(implementation = ContactRequest.class))) @NotNull JsonNode body) {
        ContactService.Versioned updated = contacts.patch(owner.id(), id, ifMatch, body);
        return Response.ok(updated.contact()).tag(ETags.of(updated.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteContact", summary = "Delete or erase a contact",
            description = "Deletes the contact with its stage history, reservations, ratings and connections, and "
                    + "publishes rapport.contact.deleted.v1; contacts it introduced keep their source but lose the link. "
                    + "With ?erase=true (the right to be forgotten) it also forgets every event about the contact "
                    + "not yet aged out of the outbox and every stored Idempotency-Key answer naming it, and publishes "
                    + "rapport.contact.erased.v1 after the deletion, on which every service removes what it keeps of "
                    + "the person. Honours If-Match.")
    @APIResponse(responseCode = "204", description = "The contact was deleted (or erased)")
    public void delete(@PathParam("id") UUID id,
            @Parameter(description = "ETag the deletion is based on") @HeaderParam("If-Match") String ifMatch,
            @Parameter(description = "true: erase the person's data everywhere, not only delete the contact",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
            @QueryParam("erase") String erase) {
        contacts.delete(owner.id(), id, ifMatch, QueryParams.bool("erase", erase));
    }
}
