package dev.rapport.contacts.network;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.contacts.stage.RelationshipStage;

/** A contact who serves, or knows someone who serves, what was searched for. */
@Schema(name = "SearchHit")
public record SearchHit(
        @Schema(examples = "3e5d7f9a-1b2c-4d6e-8f0a-9b8c7d6e5f4a") UUID contactId,
        @Schema(examples = "Dr Ana Lima") String name,
        RelationshipStage stage,
        @Schema(description = "The owner's latest trust rating, 0 to 5; absent until rated", minimum = "0", maximum = "5", examples = "4")
        Short trust,
        @Schema(description = "SERVES: their profile matches; KNOWS: they know contacts whose profile does", examples = "SERVES")
        NetworkMatch match,
        @Schema(description = "PostgreSQL's ts_rank of the match (weights: target market and ideal client over business and "
                + "tags over notes); for KNOWS, half that of the best match they know", examples = "0.6079271")
        float relevance,
        @Schema(description = "For KNOWS: up to 3 of the matching contacts they know, best first; absent for SERVES")
        List<KnownMatch> knows) {
}
