package dev.rapport.referrals.referral;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.Size;

/** The owner thanked the partner for a won referral received. */
@Schema(name = "ThanksRequest", description = "How the partner was thanked")
public record ThanksRequest(
        @Size(max = 2000) @Schema(description = "Private note on the entry: never published", examples = "Lunch at Rosa's", maxLength = 2000)
        String note) {
}
