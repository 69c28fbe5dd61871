package dev.rapport.meetings.events;

import java.time.Instant;
import java.util.UUID;

/** One of the owner's contacts was met at a networking event. */
public record AttendeeAdded(UUID eventId, UUID contactId, Instant at) implements NetworkingEventChange {

    public static final String TYPE = "rapport.networking-event.attendee-added.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public UUID subject() {
        return eventId;
    }
}
