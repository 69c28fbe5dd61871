package dev.rapport.contacts.network;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.contacts.stage.RelationshipStage;

/** One contact on an introduction path. */
@Schema(name = "PathHop")
public record PathHop(
        @Schema(examples = "7c1e4b2a-9d3f-4e8a-b6c5-2f1a0e9d8c7b") UUID contactId,
        @Schema(examples = "Priya Shah") String name,
        RelationshipStage stage,
        @Schema(description = "The owner's latest trust rating, 0 to 5; absent until rated", minimum = "0", maximum = "5", examples = "5")
        Short trust,
        @Schema(description = "The note of the connection from the previous contact to this one; absent on the first and when not said",
                examples = "Played golf together for years")
        String note) {
}
