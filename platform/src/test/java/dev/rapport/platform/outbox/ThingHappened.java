package dev.rapport.platform.outbox;

import java.util.UUID;

/** A test event. */
public record ThingHappened(UUID thingId, int n) implements DomainEvent {

    @Override
    public String type() {
        return "rapport.thing.happened.v1";
    }

    @Override
    public UUID subject() {
        return thingId;
    }
}
