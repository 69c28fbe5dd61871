package dev.rapport.referrals.referral;

/** Which way a referral went between the owner and the partner. */
public enum Direction {
    /** The owner referred someone to the partner. */
    GIVEN,
    /** The partner referred someone to the owner. */
    RECEIVED
}
