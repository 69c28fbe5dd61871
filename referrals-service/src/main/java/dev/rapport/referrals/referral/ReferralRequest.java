package dev.rapport.referrals.referral;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A referral as a client records it. */
@Schema(name = "ReferralRequest", description = "A referral given to, or received from, a partner contact")
public record ReferralRequest(
        @NotNull @Schema(description = "GIVEN: the caller referred someone to the partner; RECEIVED: the partner referred someone to the caller")
        Direction direction,
        @NotNull @Schema(description = "The partner: one of the caller's contacts")
        UUID partnerId,
        @NotBlank @Size(max = 200) @Schema(description = "The person referred", examples = "Jo Patel", maxLength = 200)
        String referredName,
        @Size(max = 2000) @Schema(description = "What the referred person needs", examples = "Bookkeeping for a new design studio", maxLength = 2000)
        String need,
        @NotNull @Schema(description = "When the referral was given or received; not in the future", examples = "2026-11-20T09:30:00Z")
        Instant occurredAt,
        @Size(max = 10000) @Schema(description = "Private notes: never published", maxLength = 10000)
        String notes) {
}
