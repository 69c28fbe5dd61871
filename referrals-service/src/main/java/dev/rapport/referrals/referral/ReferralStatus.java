package dev.rapport.referrals.referral;

/** Where a referral stands; each status it reaches is a new entry in the ledger. */
public enum ReferralStatus {
    OPEN,
    CONTACTED,
    MEETING,
    WON,
    LOST,
    DECLINED
}
