package dev.rapport.notifications.activity;

/** A contact's relationship stage, as contacts-service's events carry it. */
public enum Stage {
    /** Met, card collected. */
    PROSPECT,
    /** Invited to a one-to-one. */
    INVITED,
    /** Discovery meeting held. */
    EXPLORING,
    /** Referral fit under way. */
    QUALIFYING,
    /** Referral partner. */
    PARTNER,
    /** Declined or ignored the invitation. */
    DECLINED,
    /** The relationship collapsed. */
    CLOSED
}
