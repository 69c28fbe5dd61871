package dev.rapport.contacts.rating;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One rating of a contact as the API answers it. */
@Schema(name = "Rating")
public record RatingResponse(
        UUID id,
        @Schema(minimum = "0", maximum = "5") int know,
        @Schema(minimum = "0", maximum = "5") int like,
        @Schema(minimum = "0", maximum = "5") int trust,
        String note,
        Instant ratedAt) {

    static RatingResponse of(Rating rating) {
        return new RatingResponse(rating.id, rating.know, rating.like, rating.trust, rating.note, rating.ratedAt);
    }
}
