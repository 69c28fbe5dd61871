package dev.rapport.contacts.events;

import java.time.Instant;
import java.util.UUID;

/** A reservation was cleared up; {@code note} is the closing note, null when none was given. */
public record ReservationResolved(
        UUID reservationId,
        UUID contactId,
        String holder,
        String concern,
        String note,
        String status,
        Instant at) implements ContactEvent {

    public static final String TYPE = "rapport.reservation.resolved.v1";

    @Override
    public String type() {
        return TYPE;
    }

    /** The contact, so that a contact's events, reservations included, stay in one ordered stream. */
    @Override
    public UUID subject() {
        return contactId;
    }
}
