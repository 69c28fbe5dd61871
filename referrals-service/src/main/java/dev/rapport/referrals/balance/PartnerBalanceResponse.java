package dev.rapport.referrals.balance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.referrals.referral.Money;

/** How referrals flow between the owner and one partner. */
@Schema(name = "PartnerBalance")
public record PartnerBalanceResponse(
        UUID partnerId,
        @Schema(description = "The partner's name as the caller's contacts know it", examples = "Sam Carter") String partnerName,
        @Schema(description = "Referrals the caller gave the partner", examples = "2") long given,
        @Schema(description = "Referrals the caller received from the partner", examples = "1") long received,
        @Schema(description = "given - received: above zero, the caller gives more than they get back", examples = "1") long balance,
        @Schema(description = "Referrals given still under way (OPEN, CONTACTED or MEETING)", examples = "1") long openGiven,
        @Schema(description = "Referrals received still under way", examples = "0") long openReceived,
        @Schema(description = "Value the partner won from referrals the caller gave, per currency (currently WON ones)")
        List<Money> wonGiven,
        @Schema(description = "Value the caller won from referrals the partner gave, per currency") List<Money> wonReceived,
        @Schema(description = "When the caller last gave the partner a referral; absent if never") Instant lastGivenAt,
        @Schema(description = "When the caller last received a referral from the partner; absent if never") Instant lastReceivedAt,
        @Schema(description = "Whole days since lastGivenAt", examples = "12") Long daysSinceLastGiven,
        @Schema(description = "Whole days since lastReceivedAt", examples = "40") Long daysSinceLastReceived,
        @Schema(description = "received / given, two decimals: 1 is even, below 1 the caller gives more than they get; "
                + "absent when nothing was given", examples = "0.5") Double reciprocity) {
}
