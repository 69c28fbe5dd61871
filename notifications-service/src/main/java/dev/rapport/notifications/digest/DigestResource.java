package dev.rapport.notifications.digest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.rapport.platform.http.ETags;
import dev.rapport.platform.security.CurrentOwner;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The caller's choice of digest. */
@Path("/settings/digest")
@Authenticated
@Tag(name = "Digest", description = "A daily or weekly summary of the inbox, as one notification and one webhook")
@Produces(MediaType.APPLICATION_JSON)
public class DigestResource {

    static final String EXAMPLE = """
            {"enabled": true, "frequency": "WEEKLY", "at": "08:00", "timeZone": "Europe/Berlin", "weekday": "MONDAY"}""";

    private final Digests digests;
    private final CurrentOwner owner;

    DigestResource(Digests digests, CurrentOwner owner) {
        this.digests = digests;
        this.owner = owner;
    }

    @GET
    @Operation(operationId = "getDigestSettings", summary = "The caller's digest settings",
            description = "Off until the caller turns it on; then daily at 08:00 UTC unless they choose otherwise.")
    @APIResponse(responseCode = "200", description = "The settings, with their ETag",
            content = @Content(schema = @Schema(implementation = DigestSettings.class),
                    examples = @ExampleObject(name = "weekly", summary = "Mondays at 08:00 in Berlin", value = EXAMPLE)))
    public Response get() {
        return answer(digests.get(owner.id()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceDigestSettings", summary = "Choose the digest",
            description = "At the chosen local time (in timeZone), every day or every week on weekday, the caller gets one notification "
                    + "(rule notification.digest, and so one rapport.notification.created.v1 event and webhook) counting what is open "
                    + "in their inbox by rule and what is new since the last digest; it supersedes the previous digest. An inbox with "
                    + "nothing open gets none. A local time that a clock change skips comes that much later. Honours If-Match.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DigestSettings.class),
            examples = @ExampleObject(name = "weekly", summary = "Mondays at 08:00 in Berlin", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The new settings, with their ETag",
            content = @Content(schema = @Schema(implementation = DigestSettings.class)))
    public Response replace(@Parameter(description = "ETag the change is based on") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull DigestSettings body) {
        return answer(digests.replace(owner.id(), ifMatch, body));
    }

    private static Response answer(Digests.Versioned versioned) {
        return Response.ok(versioned.settings()).tag(ETags.of(versioned.version())).build();
    }
}
