package dev.rapport.contacts.connection;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.contacts.stage.RelationshipStage;

/** A connection seen from one of its two contacts: the other contact, and the link. */
@Schema(name = "Connection", description = "A connection seen from one of its contacts: the other contact, and how they know each other")
public record Connection(
        @Schema(description = "The other contact", examples = "7c1e4b2a-9d3f-4e8a-b6c5-2f1a0e9d8c7b") UUID contactId,
        @Schema(examples = "Priya Shah") String name,
        RelationshipStage stage,
        @Schema(description = "The owner's latest trust rating of the other contact, 0 to 5; absent until rated",
                minimum = "0", maximum = "5", examples = "4") Short trust,
        @Schema(description = "How they know each other; absent when not said", examples = "Played golf together for years")
        String note,
        ConnectionOrigin origin,
        Instant createdAt) {
}
