package dev.rapport.meetings.events;

import java.time.Instant;
import java.util.UUID;

/** A networking event was created; the whole public record of it (notes stay private). */
public record NetworkingEventCreated(
        UUID eventId,
        String name,
        Instant startsAt,
        Instant endsAt,
        String place,
        String organiser,
        Instant at) implements NetworkingEventChange {

    public static final String TYPE = "rapport.networking-event.created.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public UUID subject() {
        return eventId;
    }
}
