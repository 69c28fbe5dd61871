package dev.rapport.meetings.events;

import java.time.Instant;
import java.util.UUID;

/** One of the owner's contacts is no longer recorded as met at a networking event. */
public record AttendeeRemoved(UUID eventId, UUID contactId, Instant at) implements NetworkingEventChange {

    public static final String TYPE = "rapport.networking-event.attendee-removed.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public UUID subject() {
        return eventId;
    }
}
