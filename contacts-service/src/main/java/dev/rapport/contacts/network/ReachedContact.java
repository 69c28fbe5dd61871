package dev.rapport.contacts.network;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.contacts.stage.RelationshipStage;

/** A contact within reach, and how many connections away. */
@Schema(name = "ReachedContact")
public record ReachedContact(
        @Schema(examples = "7c1e4b2a-9d3f-4e8a-b6c5-2f1a0e9d8c7b") UUID contactId,
        @Schema(examples = "Priya Shah") String name,
        RelationshipStage stage,
        @Schema(description = "The owner's latest trust rating, 0 to 5; absent until rated", minimum = "0", maximum = "5", examples = "4")
        Short trust,
        @Schema(description = "The fewest connections between the two", minimum = "1", maximum = "4", examples = "2")
        int distance) {
}
