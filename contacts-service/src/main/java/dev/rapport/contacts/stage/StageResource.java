package dev.rapport.contacts.stage;

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

import dev.rapport.contacts.contact.ContactResponse;
import dev.rapport.contacts.contact.ContactService;
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

/** A contact's relationship stage: moves between stages and the history of them. */
@Path("/contacts")
@Authenticated
@Tag(name = "Contacts", description = "The people in the owner's network")
@Produces(MediaType.APPLICATION_JSON)
public class StageResource {

    private final StageService stages;
    private final CurrentOwner owner;

    StageResource(StageService stages, CurrentOwner owner) {
        this.stages = stages;
        this.owner = owner;
    }

    @POST
    @Path("/{id}/stage")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeContactStage", summary = "Move a contact to another relationship stage",
            description = "PROSPECT → INVITED → EXPLORING → QUALIFYING → PARTNER; any stage → DECLINED or CLOSED "
                    + "(CLOSED needs a reason); DECLINED or CLOSED → PROSPECT reopens. PARTNER needs every reservation "
                    + "resolved or confirmed. Records the move in the history "
                    + "and publishes rapport.contact.stage-changed.v1. Honours If-Match.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StageChangeRequest.class),
            examples = {
                    @ExampleObject(name = "invite", summary = "Invited to a one-to-one",
                            value = "{\"to\": \"INVITED\", \"reason\": \"Invited to a one-to-one after the BNI breakfast\"}"),
                    @ExampleObject(name = "close", summary = "The relationship collapsed",
                            value = "{\"to\": \"CLOSED\", \"reason\": \"Moved abroad and stopped answering\"}") }))
    @APIResponse(responseCode = "200", description = "The contact in its new stage, with its new ETag",
            content = @Content(schema = @Schema(implementation = ContactResponse.class)))
    @APIResponse(responseCode = "409", description = "The current stage does not allow the move (illegal-stage-change; "
            + "the detail names the allowed stages), the move is to PARTNER while reservations are open "
            + "(open-reservations; the detail lists them), the contact was changed concurrently, "
            + "or a request with the same Idempotency-Key is still running",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response change(@PathParam("id") UUID id,
            @Parameter(description = "ETag the change is based on") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull StageChangeRequest body) {
        ContactService.Versioned moved = stages.move(owner.id(), id, ifMatch, body.to(), body.reason());
        return Response.ok(moved.contact()).tag(ETags.of(moved.version())).build();
    }

    @GET
    @Path("/{id}/stages")
    @Operation(operationId = "listContactStages", summary = "A contact's stage history, oldest first",
            description = "The first entry is the contact's creation (no from, to PROSPECT). "
                    + "Pages with ?limit= (1-200, default 50) and the opaque nextCursor of the previous page.")
    @APIResponse(responseCode = "200", description = "One page of the history")
    public Page<StageChangeResponse> history(@PathParam("id") UUID id,
            @Parameter(description = "Page size, 1 to 200", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") @Size(max = 200) String cursor) {
        return stages.history(owner.id(), id, PageRequest.of(limit, cursor));
    }
}
