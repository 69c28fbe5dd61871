package dev.rapport.referrals.referral;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the append-only ledger, the {@code seq}-th of its referral: a status reached at
 * {@code at}, the reversal of entry {@code reversesSeq}, or thanks; recorded at
 * {@code recordedAt} by {@code authorId}. A WON entry carries its value, a reversal of one the
 * value negated. Its note, personal text that erasure may remove, is kept beside it.
 */
record ReferralEntry(UUID referralId, int seq, EntryKind kind, ReferralStatus status, BigDecimal valueAmount,
        String valueCurrency, Instant at, Instant recordedAt, UUID authorId, Integer reversesSeq) {

    static ReferralEntry opened(Referral referral) {
        return new ReferralEntry(referral.id, 1, EntryKind.STATUS, ReferralStatus.OPEN, null, null, referral.occurredAt,
                referral.createdAt, referral.ownerId, null);
    }

    Money value() {
        return Money.of(valueAmount, valueCurrency);
    }
}
