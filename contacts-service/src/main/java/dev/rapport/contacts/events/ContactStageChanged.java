package dev.rapport.contacts.events;

import java.time.Instant;
import java.util.UUID;

/** A contact moved from one relationship stage to another; {@code reason} is null when none was given. */
public record ContactStageChanged(
        UUID contactId,
        String from,
        String to,
        String reason,
        Instant at) implements ContactEvent {

    public static final String TYPE = "rapport.contact.stage-changed.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public UUID subject() {
        return contactId;
    }
}
