package dev.rapport.contacts.events;

import java.time.Instant;
import java.util.UUID;

/** A reservation about a contact was raised; {@code note} is the reservation, {@code status} OPEN. */
public record ReservationRaised(
        UUID reservationId,
        UUID contactId,
        String holder,
        String concern,
        String note,
        String status,
        Instant at) implements ContactEvent {

    public static final String TYPE = "rapport.reservation.raised.v1";

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
