package dev.rapport.contacts.rating;

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

/** Know, like and trust: the owner's ratings of a contact, over time. */
@Path("/contacts")
@Authenticated
@Tag(name = "Contacts", description = "The people in the owner's network")
@Produces(MediaType.APPLICATION_JSON)
public class RatingResource {

    private final RatingService ratings;
    private final CurrentOwner owner;

    RatingResource(RatingService ratings, CurrentOwner owner) {
        this.ratings = ratings;
        this.owner = owner;
    }

    @POST
    @Path("/{id}/ratings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rateContact", summary = "Rate how well I know, like and trust a contact",
            description = "Records the three ratings (0 to 5 each) in the contact's history and makes them its "
                    + "knowLikeTrust; publishes rapport.contact.rated.v1 (without the note, which stays here). "
                    + "Search ranks by trust.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RatingRequest.class),
            examples = @ExampleObject(name = "after a referral-fit meeting", summary = "Trust grows with delivery",
                    value = "{\"know\": 4, \"like\": 5, \"trust\": 3, \"note\": \"Delivered on the intro to Lee within a week\"}")))
    @APIResponse(responseCode = "201", description = "The rating was recorded; Location names the contact's history",
            content = @Content(schema = @Schema(implementation = RatingResponse.class)))
    public Response rate(@PathParam("id") UUID id, @Valid @NotNull RatingRequest body) {
        RatingResponse rating = ratings.rate(owner.id(), id, body);
        return Response.created(URI.create("/contacts/" + id + "/ratings")).entity(rating).build();
    }

    @GET
    @Path("/{id}/ratings")
    @Operation(operationId = "listContactRatings", summary = "A contact's know/like/trust ratings, newest first",
            description = "Pages with ?limit= (1-200, default 50) and the opaque nextCursor of the previous page.")
    @APIResponse(responseCode = "200", description = "One page of ratings")
    public Page<RatingResponse> history(@PathParam("id") UUID id,
            @Parameter(description = "Page size, 1 to 200", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") @Size(max = 200) String cursor) {
        return ratings.history(owner.id(), id, PageRequest.of(limit, cursor));
    }
}
