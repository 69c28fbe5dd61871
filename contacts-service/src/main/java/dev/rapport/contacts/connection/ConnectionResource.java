package dev.rapport.contacts.connection;

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

/** Who knows whom: a contact's connections to the owner's other contacts. */
@Path("/contacts")
@Authenticated
@Tag(name = "Network", description = "Who knows whom among the owner's contacts, and what that network reaches")
@Produces(MediaType.APPLICATION_JSON)
public class ConnectionResource {

    private static final String CONNECTION_EXAMPLE = "{\"contactId\": \"7c1e4b2a-9d3f-4e8a-b6c5-2f1a0e9d8c7b\", "
            + "\"name\": \"Priya Shah\", \"stage\": \"PARTNER\", \"trust\": 4, \"note\": \"Played golf together for years\", "
            + "\"origin\": \"MANUAL\", \"createdAt\": \"2026-11-30T09:15:00.123456Z\"}";

    private final ConnectionService connections;
    private final CurrentOwner owner;

    ConnectionResource(ConnectionService connections, CurrentOwner owner) {
        this.connections = connections;
        this.owner = owner;
    }

    @POST
    @Path("/{id}/connections")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "connectContact", summary = "Record that two contacts know each other",
            description = "Connects the contact to another of the caller's contacts, with an optional note, and publishes "
                    + "rapport.contact.connected.v1 (origin MANUAL). Undirected: A–B and B–A are the same connection.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ConnectRequest.class),
            examples = {
                    @ExampleObject(name = "withNote", summary = "They play golf together",
                            value = "{\"contactId\": \"7c1e4b2a-9d3f-4e8a-b6c5-2f1a0e9d8c7b\", \"note\": \"Played golf together for years\"}"),
                    @ExampleObject(name = "withoutNote", summary = "They know each other",
                            value = "{\"contactId\": \"7c1e4b2a-9d3f-4e8a-b6c5-2f1a0e9d8c7b\"}") }))
    @APIResponse(responseCode = "201", description = "Connected; Location names the connection (by the other contact's id), "
            + "the body is the connection seen from this contact",
            content = @Content(schema = @Schema(implementation = Connection.class),
                    examples = @ExampleObject(name = "connected", value = CONNECTION_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The two are already connected (already-connected; the detail names the "
            + "connection), or a request with the same Idempotency-Key is still running",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "422", description = "contactId is this contact (self-connection) or not one of the caller's "
            + "contacts (unknown-contact), or the Idempotency-Key was used with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response connect(@PathParam("id") UUID id, @Valid @NotNull ConnectRequest body) {
        Connection connected = connections.connect(owner.id(), id, body.contactId(), body.note(), ConnectionOrigin.MANUAL);
        return Response.created(URI.create("/contacts/" + id + "/connections/" + connected.contactId()))
                .entity(connected)
                .build();
    }

    @GET
    @Path("/{id}/connections")
    @Operation(operationId = "listContactConnections", summary = "The contacts this one knows, newest connection first",
            description = "Each item is the other contact (id, name, stage, trust) and the connection (note, origin, createdAt). "
                    + "Pages with ?limit= (1-200, default 50) and the opaque nextCursor of the previous page.")
    @APIResponse(responseCode = "200", description = "One page of connections")
    public Page<Connection> list(@PathParam("id") UUID id,
            @Parameter(description = "Page size, 1 to 200", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") @Size(max = 200) String cursor) {
        return connections.list(owner.id(), id, PageRequest.of(limit, cursor));
    }

    @DELETE
    @Path("/{id}/connections/{otherContactId}")
    @Operation(operationId = "disconnectContact", summary = "Remove the connection between two contacts",
            description = "Either contact's id may come first. Publishes rapport.contact.disconnected.v1.")
    @APIResponse(responseCode = "204", description = "The connection was removed")
    public void disconnect(@PathParam("id") UUID id, @PathParam("otherContactId") UUID otherContactId) {
        connections.disconnect(owner.id(), id, otherContactId);
    }
}
