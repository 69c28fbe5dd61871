package dev.rapport.contacts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A contact was added; carries the profile, so consumers keep a replica without calling back. */
public record ContactCreated(
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
        Instant createdAt) implements ContactEvent {

    public static final String TYPE = "rapport.contact.created.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public UUID subject() {
        return contactId;
    }
}
