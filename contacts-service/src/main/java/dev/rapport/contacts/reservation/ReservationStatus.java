package dev.rapport.contacts.reservation;

/** {@code OPEN → RESOLVED} (cleared up) or {@code OPEN → CONFIRMED} (a deal-breaker); both are final. */
public enum ReservationStatus {
    OPEN,
    RESOLVED,
    CONFIRMED
}
