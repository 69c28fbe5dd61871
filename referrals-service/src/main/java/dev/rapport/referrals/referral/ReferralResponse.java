package dev.rapport.referrals.referral;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A referral as the API answers it. */
@Schema(name = "Referral")
public record ReferralResponse(
        UUID id,
        Direction direction,
        UUID partnerId,
        String referredName,
        String need,
        Instant occurredAt,
        String notes,
        @Schema(description = "The status of the referral's latest ledger entry") ReferralStatus status,
        Instant createdAt) {

    static ReferralResponse of(Referral referral) {
        return new ReferralResponse(referral.id, referral.direction, referral.partnerId, referral.referredName,
                referral.need, referral.occurredAt, referral.notes, referral.status, referral.createdAt);
    }
}
