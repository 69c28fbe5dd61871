package dev.rapport.meetings.calendar;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

/** The feed itself: no bearer token, the secret in the path is the credential (rapport.http.public.paths). */
@Path("/calendar")
@PermitAll
@Tag(name = "Calendar feed")
public class CalendarResource {

    static final String TEXT_CALENDAR = "text/calendar";

    private final CalendarFeedService feeds;

    CalendarResource(CalendarFeedService feeds) {
        this.feeds = feeds;
    }

    @GET
    @Path("/{token}")
    @Produces(TEXT_CALENDAR + ";charset=utf-8")
    @Operation(operationId = "getCalendarFeed", summary = "A calendar feed (iCalendar), opened by the secret in its URL",
            description = "No bearer token: the URL made by POST /calendar-feed is the credential. Scheduled one-to-ones "
                    + "(an hour each) and networking events from 90 days ago onwards. A revoked or unknown URL answers 404.")
    @APIResponse(responseCode = "200", description = "The feed", content = @Content(mediaType = TEXT_CALENDAR + ";charset=utf-8",
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                    examples = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n...\r\nEND:VCALENDAR\r\n")))
    public String feed(@Parameter(description = "The secret of the feed's URL") @PathParam("token") String token) {
        return feeds.feed(token);
    }
}
