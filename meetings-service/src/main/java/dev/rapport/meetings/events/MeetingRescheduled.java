package dev.rapport.meetings.events;

import java.time.Instant;
import java.util.UUID;

/** A scheduled one-to-one moved to another time. Location stays private. */
public record MeetingRescheduled(
        UUID meetingId,
        UUID contactId,
        String stage,
        Instant scheduledFor,
        Instant previousScheduledFor,
        Instant at) implements MeetingEvent {

    public static final String TYPE = "rapport.meeting.rescheduled.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public UUID subject() {
        return meetingId;
    }
}
