package dev.rapport.referrals.referral;

/** What a ledger entry records. */
public enum EntryKind {
    /** The referral reached a status (the first entry: OPEN). */
    STATUS,
    /** A correction: the latest status entry not yet reversed is undone, its value with it. */
    REVERSAL,
    /** The owner thanked the partner for a won referral received; the status stays. */
    THANKED
}
