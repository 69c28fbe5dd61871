package dev.rapport.meetings.timeline;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.meetings.meeting.MeetingStage;
import dev.rapport.meetings.meeting.MeetingStatus;
import dev.rapport.meetings.touchpoint.TouchpointKind;

/** One thing that happened with a contact. Fields that do not apply to its kind are absent. */
@Schema(name = "TimelineEntry", description = "A one-to-one, touchpoint or networking event with the contact; "
        + "fields that do not apply to the kind are absent")
public record TimelineEntry(
        @Schema(examples = "ONE_TO_ONE") TimelineKind kind,
        @Schema(description = "The one-to-one's, touchpoint's or networking event's id") UUID id,
        @Schema(description = "ONE_TO_ONE: when held, cancelled or answered (declined, unanswered), else when scheduled or invited; "
                + "TOUCHPOINT: when it occurred; NETWORKING_EVENT: when the event began", examples = "2026-12-03T09:30:00Z")
        Instant at,
        @Schema(description = "ONE_TO_ONE only", examples = "DISCOVERY") MeetingStage stage,
        @Schema(description = "ONE_TO_ONE only", examples = "HELD") MeetingStatus status,
        @Schema(description = "TOUCHPOINT only", examples = "CALL") TouchpointKind touchpoint,
        @Schema(description = "NETWORKING_EVENT only", examples = "Chamber of Commerce breakfast") String eventName) {
}
