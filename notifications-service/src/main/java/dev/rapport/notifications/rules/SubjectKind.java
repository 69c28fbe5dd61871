package dev.rapport.notifications.rules;

/** What a rule watches: the subject of its notifications. */
public enum SubjectKind {
    /** One of the owner's contacts (contacts-service's contactId). */
    CONTACT,
    /** A contact seen as referral partner: the owner's referral ledger with them. */
    PARTNER,
    /** One referral, given or received (referrals-service's referralId). */
    REFERRAL,
    /** One one-to-one (meetings-service's meetingId; an invitation is a one-to-one that starts INVITED, its invitationId the same id). */
    MEETING,
    /** One reservation about a contact (contacts-service's reservationId). */
    RESERVATION
}
