package dev.rapport.contacts.network;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.rapport.platform.http.QueryParams;
import dev.rapport.platform.security.CurrentOwner;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** What a contact's connections reach: the network around it, and the way to it from the owner. */
@Path("/contacts")
@Authenticated
@Tag(name = "Network", description = "Who knows whom among the owner's contacts, and what that network reaches")
@Produces(MediaType.APPLICATION_JSON)
public class NetworkResource {

    private final NetworkService network;
    private final CurrentOwner owner;

    NetworkResource(NetworkService network, CurrentOwner owner) {
        this.network = network;
        this.owner = owner;
    }

    @GET
    @Path("/{id}/reach")
    @Operation(operationId = "getContactReach", summary = "Whom a contact reaches through connections",
            description = "The contacts within ?depth= connections (1-4, default 2), each with its distance (the fewest "
                    + "connections), nearest first, then most trusted (unrated last), then by name. All are counted (total, "
                    + "reachedByDistance); the first ?limit= (1-200, default 50) are listed.")
    @APIResponse(responseCode = "200", description = "The reach",
            content = @Content(schema = @Schema(implementation = Reach.class), examples = @ExampleObject(name = "reach",
                    value = "{\"contactId\": \"0b9c7a52-8f3e-4d59-9a53-3f6c2f1d8e11\", \"depth\": 2, \"total\": 3, "
                            + "\"reachedByDistance\": [1, 2], \"items\": ["
                            + "{\"contactId\": \"7c1e4b2a-9d3f-4e8a-b6c5-2f1a0e9d8c7b\", \"name\": \"Priya Shah\", "
                            + "\"stage\": \"PARTNER\", \"trust\": 4, \"distance\": 1}, "
                            + "{\"contactId\": \"3e5d7f9a-1b2c-4d6e-8f0a-9b8c7d6e5f4a\", \"name\": \"Dr Ana Lima\", "
                            + "\"stage\": \"PROSPECT\", \"trust\": 5, \"distance\": 2}, "
                            + "{\"contactId\": \"5d2f1c8e-7a4b-4e0f-9c3d-2b1a0f9e8d7c\", \"name\": \"Lee Wong\", "
                            + "\"stage\": \"INVITED\", \"distance\": 2}]}")))
    public Reach reach(@PathParam("id") UUID id,
            @Parameter(description = "The most connections to follow, 1 to 4",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "4", defaultValue = "2"))
            @QueryParam("depth") String depth,
            @Parameter(description = "How many to list, 1 to 200",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam("limit") String limit) {
        return network.reach(owner.id(), id,
                QueryParams.integer("depth", depth, 1, NetworkService.MAX_DEPTH, NetworkService.DEFAULT_DEPTH),
                QueryParams.integer("limit", limit, 1, NetworkService.MAX_REACH_LISTED, NetworkService.DEFAULT_REACH_LISTED));
    }

    @GET
    @Path("/{id}/path")
    @Operation(operationId = "getIntroductionPath", summary = "The shortest chain of introductions to a contact",
            description = "Starts with someone the owner knows in person (stage EXPLORING, QUALIFYING or PARTNER: a one-to-one "
                    + "was held) and follows at most 4 connections to the contact; among the shortest chains, the first "
                    + "person is the most trusted, and so is each next one. A contact known in person is its own path. No "
                    + "chain is an answer too: found false, no hops.")
    @APIResponse(responseCode = "200", description = "The path, or found false",
            content = @Content(schema = @Schema(implementation = IntroductionPath.class), examples = {
                    @ExampleObject(name = "found", summary = "Priya can introduce Lee, who knows Ana",
                            value = "{\"contactId\": \"3e5d7f9a-1b2c-4d6e-8f0a-9b8c7d6e5f4a\", \"found\": true, \"hops\": ["
                                    + "{\"contactId\": \"7c1e4b2a-9d3f-4e8a-b6c5-2f1a0e9d8c7b\", \"name\": \"Priya Shah\", "
                                    + "\"stage\": \"PARTNER\", \"trust\": 5}, "
                                    + "{\"contactId\": \"5d2f1c8e-7a4b-4e0f-9c3d-2b1a0f9e8d7c\", \"name\": \"Lee Wong\", "
                                    + "\"stage\": \"PROSPECT\", \"trust\": 3, \"note\": \"Played golf together for years\"}, "
                                    + "{\"contactId\": \"3e5d7f9a-1b2c-4d6e-8f0a-9b8c7d6e5f4a\", \"name\": \"Dr Ana Lima\", "
                                    + "\"stage\": \"PROSPECT\", \"note\": \"Her dentist\"}]}"),
                    @ExampleObject(name = "notFound", summary = "No one known in person is within 4 connections",
                            value = "{\"contactId\": \"3e5d7f9a-1b2c-4d6e-8f0a-9b8c7d6e5f4a\", \"found\": false, \"hops\": []}") }))
    public IntroductionPath path(@PathParam("id") UUID id) {
        return network.introductionPath(owner.id(), id);
    }
}
