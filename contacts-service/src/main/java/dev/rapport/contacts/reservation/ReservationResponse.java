package dev.rapport.contacts.reservation;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A reservation as the API answers it. */
@Schema(name = "Reservation")
public record ReservationResponse(
        UUID id,
        @Schema(description = "The contact it is about") UUID contactId,
        @Schema(description = "ME: mine about them; THEM: theirs about me") ReservationHolder holder,
        ReservationConcern concern,
        String note,
        @Schema(description = "OPEN until resolved or confirmed (a deal-breaker)") ReservationStatus status,
        Instant raisedAt,
        @Schema(description = "When it was resolved or confirmed; absent while open") Instant closedAt,
        @Schema(description = "How it was settled, when that was said") String closingNote) {

    static ReservationResponse of(Reservation reservation) {
        return new ReservationResponse(reservation.id, reservation.contactId, reservation.holder, reservation.concern,
                reservation.note, reservation.status, reservation.raisedAt, reservation.closedAt, reservation.closingNote);
    }
}
