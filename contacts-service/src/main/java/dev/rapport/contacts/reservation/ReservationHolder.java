package dev.rapport.contacts.reservation;

/** Whose reservation it is. */
public enum ReservationHolder {
    /** Mine, about them. */
    ME,
    /** Theirs, about me. */
    THEM
}
