package dev.rapport.referrals.summary;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A partner with many referrals either way in a period. */
@Schema(name = "TopPartner")
public record TopPartner(
        UUID partnerId,
        @Schema(examples = "Sam Carter") String partnerName,
        @Schema(description = "Referrals given to the partner in the period", examples = "3") long given,
        @Schema(description = "Referrals received from the partner in the period", examples = "2") long received) {
}
