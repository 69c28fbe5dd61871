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
        @Schema(description = "The referred person, when they are one of the caller's contacts") UUID referredContactId,
        @Schema(description = "The person referred; \"(erased)\" once they were erased", examples = "Jo Patel") String referredName,
        @Schema(examples = "Patel Design Studio") String referredCompany,
        @Schema(examples = "jo@pateldesign.example") String referredEmail,
        @Schema(examples = "+44 20 7946 0958") String referredPhone,
        @Schema(description = "The referred person agreed to be contacted") boolean referredAgreedToContact,
        String need,
        @Schema(description = "1 (a name only) to 5 (expects the call)", examples = "4") Integer warmth,
        Instant occurredAt,
        String notes,
        @Schema(description = "The status of the referral's latest ledger entry, reversals applied") ReferralStatus status,
        @Schema(description = "When the current status was reached") Instant statusAt,
        @Schema(description = "The value won; present only while the status is WON") Money value,
        @Schema(description = "When the caller thanked the partner for this won referral received") Instant thankedAt,
        @Schema(description = "When the referred person or the partner was erased: names and notes are gone, amounts and dates stay")
        Instant erasedAt,
        Instant createdAt,
        @Schema(description = "The member link the referral is shared through, while it stands. A referral given and shared "
                + "follows the receiver's copy (their status changes, value and thanks); a referral received and shared is the "
                + "receiver's to move") UUID linkId) {

    static ReferralResponse of(Referral referral) {
        return new ReferralResponse(referral.id, referral.direction, referral.partnerId, referral.referredContactId,
                referral.referredName, referral.referredCompany, referral.referredEmail, referral.referredPhone,
                referral.referredAgreedToContact, referral.need, referral.warmth, referral.occurredAt, referral.notes,
                referral.status, referral.statusAt, Money.of(referral.wonAmount, referral.wonCurrency), referral.thankedAt,
                referral.erasedAt, referral.createdAt, referral.linkId);
    }
}
