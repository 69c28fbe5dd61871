package dev.rapport.meetings.touchpoint;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A touchpoint as the API answers it. */
@Schema(name = "Touchpoint")
public record TouchpointResponse(
        UUID id,
        UUID contactId,
        TouchpointKind kind,
        Instant occurredAt,
        String note,
        Instant createdAt) {

    static TouchpointResponse of(Touchpoint touchpoint) {
        return new TouchpointResponse(touchpoint.id, touchpoint.contactId, touchpoint.kind, touchpoint.occurredAt,
                touchpoint.note, touchpoint.createdAt);
    }
}
