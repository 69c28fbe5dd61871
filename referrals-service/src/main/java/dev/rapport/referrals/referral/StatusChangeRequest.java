package dev.rapport.referrals.referral;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A move of a referral to its next status. */
@Schema(name = "StatusChangeRequest", description = "The status the referral reached, when, and for WON its value")
public record StatusChangeRequest(
        @NotNull @Schema(description = "The new status; must be one the current status allows", examples = "WON")
        ReferralStatus to,
        @Schema(description = "When it happened; not in the future, not before the referral's current status was reached. "
                + "Default: now", examples = "2026-11-27T16:00:00Z")
        Instant at,
        @Valid @Schema(description = "Required for WON, refused otherwise: above zero, in an ISO 4217 currency")
        Money value,
        @Size(max = 2000) @Schema(description = "Private note on the entry: never published", examples = "Signed a year of bookkeeping", maxLength = 2000)
        String note) {
}
