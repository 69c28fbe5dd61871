package dev.rapport.meetings.calendar;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CalendarFeed", description = "The caller's calendar feed; the URL is shown only when it is made")
public record CalendarFeedResponse(
        @Schema(description = "Subscribe to this URL in a calendar app. Anyone with it can read the feed: keep it secret, "
                + "or make a new one (which revokes this).", examples = "http://localhost:8080/calendar/q9V1c3Jl...")
        String url,
        Instant createdAt) {
}
