package dev.rapport.meetings.calendar;

import java.net.URI;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.rapport.platform.security.CurrentOwner;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

@Path("/calendar-feed")
@Authenticated
@Tag(name = "Calendar feed", description = "The caller's one-to-ones and networking events as an iCalendar feed at a secret URL")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarFeedResource {

    private final CalendarFeedService feeds;
    private final CurrentOwner owner;

    CalendarFeedResource(CalendarFeedService feeds, CurrentOwner owner) {
        this.feeds = feeds;
        this.owner = owner;
    }

    @POST
    @Operation(operationId = "createCalendarFeed", summary = "Make the caller's calendar feed URL",
            description = "Answers a new secret URL (shown only now) serving the caller's scheduled one-to-ones and networking "
                    + "events as text/calendar, for a calendar app to subscribe to. Any earlier URL stops working.")
    @APIResponse(responseCode = "201", description = "The feed's URL", content = @Content(schema = @Schema(implementation = CalendarFeedResponse.class)))
    public Response create(@Context UriInfo uri) {
        CalendarFeedResponse feed = feeds.create(owner.id(), uri.getBaseUri());
        return Response.created(URI.create(feed.url())).entity(feed).build();
    }

    @DELETE
    @Operation(operationId = "revokeCalendarFeed", summary = "Revoke the caller's calendar feed URL",
            description = "The URL stops working at once.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "The caller has no calendar feed",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public void revoke() {
        feeds.revoke(owner.id());
    }
}
