package dev.rapport.contacts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The owner had the contact erased (the right to be forgotten): it follows
 * rapport.contact.deleted.v1, and every service removes what it keeps of the person.
 */
public record ContactErased(UUID contactId, Instant erasedAt) implements ContactEvent {

    public static final String TYPE = "rapport.contact.erased.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public UUID subject() {
        return contactId;
    }
}
