package dev.rapport.meetings.events;

import java.time.Instant;
import java.util.UUID;

/** A one-to-one meeting with a contact was scheduled. Location and agenda stay private. */
public record MeetingScheduled(
        UUID meetingId,
        UUID contactId,
        String stage,
        Instant scheduledFor,
        Instant createdAt) implements MeetingEvent {

    public static final String TYPE = "rapport.meeting.scheduled.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public UUID subject() {
        return meetingId;
    }
}
