package dev.rapport.meetings.events;

import java.time.Instant;
import java.util.UUID;

/** A lighter contact (call, email, message...) with a contact was logged. The note stays private. */
public record TouchpointLogged(
        UUID touchpointId,
        UUID contactId,
        String kind,
        Instant occurredAt) implements TouchpointEvent {

    public static final String TYPE = "rapport.touchpoint.logged.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public UUID subject() {
        return touchpointId;
    }
}
