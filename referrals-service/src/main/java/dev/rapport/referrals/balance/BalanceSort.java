package dev.rapport.referrals.balance;

/** The orders of the partner balance list. */
public enum BalanceSort {
    /** The partner with the latest referral, either way, first. */
    RECENT,
    /** The largest balance (given − received) first: partners the caller gives most to without return. */
    BALANCE_DESC,
    /** The smallest balance first: partners the caller receives most from without giving back. */
    BALANCE_ASC
}
