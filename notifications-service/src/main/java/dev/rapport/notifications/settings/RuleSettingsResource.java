package dev.rapport.notifications.settings;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import dev.rapport.platform.http.ETags;
import dev.rapport.platform.http.MergePatch;
import dev.rapport.platform.security.CurrentOwner;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The caller's settings of every rule, as one document with a member per rule; each member is
 * stored on its own (per owner and rule), so a change reviews only the rules it changed.
 */
@Path("/settings/rules")
@Authenticated
@Tag(name = "Rule settings", description = "The caller's tuning of the rules")
@Produces(MediaType.APPLICATION_JSON)
public class RuleSettingsResource {

    static final String EXAMPLE = """
            {"referralUnreturned": {"enabled": true, "minCount": 2, "after": "P60D"},
             "referralUnacknowledged": {"enabled": true, "after": "P2D"},
             "referralWon": {"enabled": true, "thankGiver": true, "celebrateGiven": true},
             "relationshipStalled": {"enabled": true, "ownCadenceOverdueFactor": 1.5, "stages": {
                "prospect": {"due": "P30D", "overdue": "P60D"}, "invited": {"due": "P7D", "overdue": "P14D"},
                "exploring": {"due": "P14D", "overdue": "P30D"}, "qualifying": {"due": "P14D", "overdue": "P21D"},
                "partner": {"due": "P30D", "overdue": "P45D"}}},
             "relationshipDormant": {"enabled": true, "after": "P365D"},
             "eventFollowUp": {"enabled": true, "after": "P3D"},
             "meetingNoResponse": {"enabled": true, "after": "P7D"},
             "meetingAskWhoTheyKnow": {"enabled": true, "askInDiscovery": true, "contactNamesWithin": "P7D"},
             "reservationUnresolved": {"enabled": true, "after": "P21D"}}""";

    private final RuleSettingsService settings;
    private final CurrentOwner owner;

    RuleSettingsResource(RuleSettingsService settings, CurrentOwner owner) {
        this.settings = settings;
        this.owner = owner;
    }

    @GET
    @Operation(operationId = "getRuleSettings", summary = "The caller's rule settings",
            description = "One member per rule, each the configured defaults until the caller changes it. Durations are ISO-8601 "
                    + "(P30D, PT12H, PT10S).")
    @APIResponse(responseCode = "200", description = "The settings, with their ETag",
            content = @Content(schema = @Schema(implementation = RuleSettingsDocument.class),
                    examples = @ExampleObject(name = "defaults", summary = "The configured defaults", value = EXAMPLE)))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag")
    public Response get() {
        return answer(settings.get(owner.id()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceRuleSettings", summary = "Replace the rule settings",
            description = "Every rule's member is required. The caller's subjects of each rule whose settings changed are reviewed "
                    + "again at the next sweep (raising or resolving what the new settings say). Honours If-Match.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleSettingsDocument.class),
            examples = @ExampleObject(name = "defaults", summary = "Back to the configured defaults", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The new settings, with their ETag",
            content = @Content(schema = @Schema(implementation = RuleSettingsDocument.class)))
    public Response replace(@Parameter(description = "ETag the change is based on") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull RuleSettingsDocument body) {
        return answer(settings.replace(owner.id(), ifMatch, body));
    }

    @PATCH
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(operationId = "patchRuleSettings", summary = "Change some rule settings",
            description = "An RFC 7396 merge patch of any part, e.g. {\"relationshipStalled\": {\"stages\": {\"partner\": {\"due\": \"P21D\"}}}}. "
                    + "Honours If-Match.")
    @APIResponse(responseCode = "200", description = "The new settings, with their ETag",
            content = @Content(schema = @Schema(implementation = RuleSettingsDocument.class)))
    public Response patch(@Parameter(description = "ETag the change is based on") @HeaderParam("If-Match") String ifMatch,
            @RequestBody(description = "The settings to change", content = @Content(mediaType = MergePatch.MEDIA_TYPE,
                    schema = @Schema(implementation = RuleSettingsDocument.class)))
            @NotNull JsonNode body) {
        return answer(settings.patch(owner.id(), ifMatch, body));
    }

    private static Response answer(RuleSettingsService.Versioned versioned) {
        return Response.ok(versioned.settings()).tag(ETags.of(versioned.version())).build();
    }
}
