package dev.rapport.contacts.reservation;

/** What a reservation is about. */
public enum ReservationConcern {
    /** Can they really deliver? */
    COMPETENCE,
    /** Do they deliver the same way every time? */
    CONSISTENCY,
    /** Are they honest? */
    INTEGRITY,
    /** Will they keep confidences? */
    CONFIDENTIALITY,
    /** Do they do what they say, when they say? */
    RELIABILITY,
    /** Do they know the people who matter? */
    REACH,
    OTHER
}
