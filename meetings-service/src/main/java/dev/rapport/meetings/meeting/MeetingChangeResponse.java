package dev.rapport.meetings.meeting;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of a one-to-one's history. */
@Schema(name = "MeetingChange", description = "One move of a one-to-one: how it began, each answer, each (re)scheduling, how it ended")
public record MeetingChangeResponse(
        @Schema(description = "Null for the first entry", examples = "ACCEPTED") MeetingStatus from,
        @Schema(examples = "SCHEDULED") MeetingStatus to,
        @Schema(description = "The time the meeting had after this move, if one was set", examples = "2026-12-08T09:30:00Z") Instant scheduledFor,
        @Schema(description = "The place the meeting had after this move, if one was set", examples = "Café Rouge, Market Street") String location,
        @Schema(examples = "2026-12-01T10:15:00Z") Instant at) {

    static MeetingChangeResponse of(MeetingChange change) {
        return new MeetingChangeResponse(change.from, change.to, change.scheduledFor, change.location, change.changedAt);
    }
}
