package dev.rapport.meetings.events;

import java.time.Instant;
import java.util.UUID;

/** A scheduled one-to-one meeting was cancelled. */
public record MeetingCancelled(
        UUID meetingId,
        UUID contactId,
        String stage,
        Instant cancelledAt) implements MeetingEvent {

    public static final String TYPE = "rapport.meeting.cancelled.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public UUID subject() {
        return meetingId;
    }
}
