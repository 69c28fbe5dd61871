package dev.rapport.meetings.timeline;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.rapport.meetings.contacts.ContactReferences;
import dev.rapport.platform.http.Cursor;
import dev.rapport.platform.http.Page;
import dev.rapport.platform.http.PageRequest;
import dev.rapport.platform.security.CurrentOwner;
import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/timelines")
@Authenticated
@Tag(name = "Timelines", description = "Everything that happened with one contact, newest first")
@Produces(MediaType.APPLICATION_JSON)
public class TimelineResource {

    private final TimelineRepository timelines;
    private final ContactReferences contacts;
    private final CurrentOwner owner;

    TimelineResource(TimelineRepository timelines, ContactReferences contacts, CurrentOwner owner) {
        this.timelines = timelines;
        this.contacts = contacts;
        this.owner = owner;
    }

    @GET
    @Path("/{contactId}")
    @Transactional
    @Operation(operationId = "getContactTimeline", summary = "A contact's timeline: one-to-ones, touchpoints and events met at",
            description = "Merged and ordered newest first by each entry's time (see TimelineEntry.at). Pages with ?limit= "
                    + "(1-200, default 50) and the opaque nextCursor of the previous page. An unknown, deleted or another "
                    + "user's contact answers 404.")
    @APIResponse(responseCode = "200", description = "One page of the timeline")
    public Page<TimelineEntry> timeline(@PathParam("contactId") UUID contactId,
            @Parameter(description = "Page size, 1 to 200", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") @Size(max = 200) String cursor) {
        contacts.requireFound(owner.id(), contactId);
        PageRequest page = PageRequest.of(limit, cursor);
        return Page.of(timelines.page(owner.id(), contactId, page), page, e -> new Cursor(e.at(), e.id()), e -> e);
    }
}
