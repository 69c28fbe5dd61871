package dev.rapport.contacts.network;

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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** "Who in my network serves or knows target market X?" */
@Path("/network")
@Authenticated
@Tag(name = "Network", description = "Who knows whom among the owner's contacts, and what that network reaches")
@Produces(MediaType.APPLICATION_JSON)
public class NetworkSearchResource {

    private final NetworkService network;
    private final CurrentOwner owner;

    NetworkSearchResource(NetworkService network, CurrentOwner owner) {
        this.network = network;
        this.owner = owner;
    }

    @GET
    @Path("/search")
    @Operation(operationId = "searchNetwork", summary = "Who in my network serves or knows a target market",
            description = "Full-text search (PostgreSQL, English stemming; web-search syntax: words, \"a phrase\", or, -not) "
                    + "over the contacts' target market and ideal client (weighted highest), business and tags, and notes. "
                    + "SERVES hits match themselves; KNOWS hits are one connection away from matches (naming up to 3 of "
                    + "them) and rank at half the relevance of the best match they know. DECLINED and CLOSED contacts are "
                    + "left out. Best first: relevance, then stage (PARTNER first), then trust. Nothing matching is an "
                    + "empty list.")
    @APIResponse(responseCode = "200", description = "The hits, best first",
            content = @Content(schema = @Schema(implementation = SearchResult.class), examples = @ExampleObject(name = "dentists",
                    value = "{\"query\": \"dentists\", \"items\": ["
                            + "{\"contactId\": \"3e5d7f9a-1b2c-4d6e-8f0a-9b8c7d6e5f4a\", \"name\": \"Dr Ana Lima\", "
                            + "\"stage\": \"PARTNER\", \"trust\": 4, \"match\": \"SERVES\", \"relevance\": 0.6079271}, "
                            + "{\"contactId\": \"5d2f1c8e-7a4b-4e0f-9c3d-2b1a0f9e8d7c\", \"name\": \"Lee Wong\", "
                            + "\"stage\": \"QUALIFYING\", \"trust\": 3, \"match\": \"KNOWS\", \"relevance\": 0.30396354, "
                            + "\"knows\": [{\"contactId\": \"3e5d7f9a-1b2c-4d6e-8f0a-9b8c7d6e5f4a\", \"name\": \"Dr Ana Lima\", "
                            + "\"stage\": \"PARTNER\"}]}]}")))
    public SearchResult search(
            @Parameter(description = "What to look for: a target market, a kind of client or business", required = true,
                    example = "dentists")
            @QueryParam("q") @NotBlank @Size(max = NetworkService.MAX_QUERY_LENGTH) String q,
            @Parameter(description = "How many hits, 1 to 50",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "50", defaultValue = "20"))
            @QueryParam("limit") String limit) {
        return network.search(owner.id(), q.strip(),
                QueryParams.integer("limit", limit, 1, NetworkService.MAX_HITS, NetworkService.DEFAULT_HITS));
    }
}
