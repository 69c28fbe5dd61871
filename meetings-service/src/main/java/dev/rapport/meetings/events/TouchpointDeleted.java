package dev.rapport.meetings.events;

import java.time.Instant;
import java.util.UUID;

/** A touchpoint was deleted; carries the contact, so projections of "last contact" can be corrected. */
public record TouchpointDeleted(
        UUID touchpointId,
        UUID contactId,
        Instant deletedAt) implements TouchpointEvent {

    public static final String TYPE = "rapport.touchpoint.deleted.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public UUID subject() {
        return touchpointId;
    }
}
