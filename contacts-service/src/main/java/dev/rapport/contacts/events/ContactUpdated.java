package dev.rapport.contacts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A contact's profile changed; carries the whole new profile, not a diff. */
public record ContactUpdated(
        UUID contactId,
        String name,
        String company,
        String role,
        String email,
        String phone,
        String business,
        String targetMarket,
        String idealClient,
        List<String> tags,
        String source,
        UUID introducedBy,
        UUID metAtEventId,
        String metAtEventName,
        String stage,
        String stayInTouchEvery,
        Instant updatedAt) implements ContactEvent {

    public static final String TYPE = "rapport.contact.updated.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public UUID subject() {
        return contactId;
    }
}
