package dev.rapport.referrals.referral;

import java.util.EnumSet;
import java.util.Set;

import dev.rapport.platform.state.Transitions;

/**
 * Where a referral stands; each status it reaches is a new entry in the ledger. The way forward
 * is {@code OPEN → CONTACTED → MEETING → WON}; {@code LOST} and {@code DECLINED} end it from any
 * open status, and {@code WON} needs the referred person to have been contacted. The three ends
 * are final: only a reversal entry (a correction) takes a referral back from one.
 */
public enum ReferralStatus implements Transitions<ReferralStatus> {
    /** Recorded; the referred person has not been contacted yet. */
    OPEN,
    /** The referred person was contacted. */
    CONTACTED,
    /** A meeting with the referred person took place or is arranged. */
    MEETING,
    /** Business came of it; carries its value. */
    WON,
    /** No business came of it. */
    LOST,
    /** The referred person, or the one referred to, declined. */
    DECLINED;

    /** The statuses this one may move to, in declaration order; never itself. */
    @Override
    public Set<ReferralStatus> allowedNext() {
        return switch (this) {
            case OPEN -> EnumSet.of(CONTACTED, LOST, DECLINED);
            case CONTACTED -> EnumSet.of(MEETING, WON, LOST, DECLINED);
            case MEETING -> EnumSet.of(WON, LOST, DECLINED);
            case WON, LOST, DECLINED -> EnumSet.noneOf(ReferralStatus.class);
        };
    }

    /** Whether the referral is still under way (counted as open in balances). */
    public boolean isOpen() {
        return this == OPEN || this == CONTACTED || this == MEETING;
    }
}
