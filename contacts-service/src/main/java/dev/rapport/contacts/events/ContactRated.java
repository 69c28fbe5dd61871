package dev.rapport.contacts.events;

import java.time.Instant;
import java.util.UUID;

/** The owner rated how well they know, like and trust a contact (0 to 5 each). */
public record ContactRated(UUID contactId, int know, int like, int trust, Instant ratedAt) implements ContactEvent {

    public static final String TYPE = "rapport.contact.rated.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public UUID subject() {
        return contactId;
    }
}
