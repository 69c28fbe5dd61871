package dev.rapport.contacts.reservation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.Size;

/** The optional body of resolving or confirming a reservation. */
@Schema(name = "CloseReservationRequest", description = "How the reservation was settled")
public record CloseReservationRequest(
        @Size(max = 2000) @Schema(description = "How it was settled; optional",
                examples = "Explained it was public information; fine", maxLength = 2000)
        String note) {
}
