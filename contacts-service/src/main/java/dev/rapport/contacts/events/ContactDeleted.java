package dev.rapport.contacts.events;

import java.time.Instant;
import java.util.UUID;

/** A contact was deleted. */
public record ContactDeleted(UUID contactId, Instant deletedAt) implements ContactEvent {

    public static final String TYPE = "rapport.contact.deleted.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public UUID subject() {
        return contactId;
    }
}
