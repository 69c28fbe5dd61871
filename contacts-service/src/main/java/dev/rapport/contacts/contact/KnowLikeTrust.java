package dev.rapport.contacts.contact;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The owner's latest rating of how well they know, like and trust a contact, 0 to 5 each. */
@Schema(name = "KnowLikeTrust")
public record KnowLikeTrust(
        @Schema(minimum = "0", maximum = "5", examples = "4") int know,
        @Schema(minimum = "0", maximum = "5", examples = "5") int like,
        @Schema(minimum = "0", maximum = "5", examples = "3") int trust,
        @Schema(description = "When it was rated") Instant ratedAt) {

    /** The contact's latest rating, or null if it was never rated. */
    static KnowLikeTrust of(Contact contact) {
        if (contact.ratedAt == null) {
            return null;
        }
        return new KnowLikeTrust(contact.knowRating, contact.likeRating, contact.trustRating, contact.ratedAt);
    }
}
