package dev.rapport.referrals.referral;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the append-only ledger: the {@code seq}-th status a referral reached, at
 * {@code at}, recorded at {@code recordedAt}; a won referral carries its value.
 */
record ReferralEntry(UUID referralId, int seq, ReferralStatus status, BigDecimal valueAmount, String valueCurrency,
        Instant at, Instant recordedAt) {

    static ReferralEntry opened(Referral referral) {
        return new ReferralEntry(referral.id, 1, ReferralStatus.OPEN, null, null, referral.occurredAt, referral.createdAt);
    }
}
