package dev.rapport.meetings.events;

import java.time.Instant;
import java.util.UUID;

/** A networking event was deleted, with the record of who was met there. */
public record NetworkingEventDeleted(UUID eventId, Instant at) implements NetworkingEventChange {

    public static final String TYPE = "rapport.networking-event.deleted.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public UUID subject() {
        return eventId;
    }
}
