package dev.rapport.contacts.network;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to "who in my network serves or knows ...". */
@Schema(name = "SearchResult")
public record SearchResult(
        @Schema(description = "The query as given", examples = "dentists") String query,
        @Schema(description = "Best first: relevance, then stage (PARTNER, QUALIFYING, EXPLORING, INVITED, PROSPECT), then trust "
                + "(unrated last), then name; empty when nothing matches")
        List<SearchHit> items) {
}
