package dev.rapport.referrals.balance;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How referrals flow between the owner and one partner. */
@Schema(name = "PartnerBalance")
public record PartnerBalanceResponse(
        UUID partnerId,
        @Schema(description = "The partner's name as the caller's contacts know it", examples = "Sam Carter") String partnerName,
        @Schema(description = "Referrals the caller gave the partner", examples = "2") long given,
        @Schema(description = "Referrals the caller received from the partner", examples = "1") long received,
        @Schema(description = "given - received: above zero, the caller gives more than they get back", examples = "1") long balance,
        @Schema(description = "When the caller last gave the partner a referral; null if never") Instant lastGivenAt,
        @Schema(description = "When the caller last received a referral from the partner; null if never") Instant lastReceivedAt) {
}
