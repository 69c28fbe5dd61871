package dev.rapport.contacts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The connection between two of the owner's contacts was removed; {@code contactId} is the one
 * it was removed from. Deleting a contact removes its connections without this event: the
 * contact's own rapport.contact.deleted.v1 says as much.
 */
public record ContactDisconnected(
        UUID contactId,
        UUID otherContactId,
        Instant at) implements ContactEvent {

    public static final String TYPE = "rapport.contact.disconnected.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public UUID subject() {
        return contactId;
    }
}
