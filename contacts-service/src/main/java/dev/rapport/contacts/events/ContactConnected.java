package dev.rapport.contacts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Two of the owner's contacts were connected (they know each other). Undirected: {@code contactId}
 * is the one it was made from, {@code otherContactId} the other; {@code origin} is MANUAL or
 * INTRODUCTION, {@code note} null when none was given.
 */
public record ContactConnected(
        UUID contactId,
        UUID otherContactId,
        String note,
        String origin,
        Instant at) implements ContactEvent {

    public static final String TYPE = "rapport.contact.connected.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public UUID subject() {
        return contactId;
    }
}
