package dev.rapport.meetings.events;

import java.time.Instant;
import java.util.UUID;

/** A one-to-one meeting took place, with the outcome other services react to. Notes stay private. */
public record MeetingHeld(
        UUID meetingId,
        UUID contactId,
        String stage,
        Instant heldAt,
        boolean askedWhoTheyKnow,
        boolean bothAgreedToFollowUp) implements MeetingEvent {

    public static final String TYPE = "rapport.meeting.held.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public UUID subject() {
        return meetingId;
    }
}
