package dev.rapport.contacts.reservation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A reservation to raise about a contact. */
@Schema(name = "RaiseReservationRequest", description = "Whose reservation, what about, and what exactly")
public record RaiseReservationRequest(
        @NotNull @Schema(description = "ME: mine about them; THEM: theirs about me", examples = "ME")
        ReservationHolder holder,
        @NotNull @Schema(description = "What the reservation is about", examples = "CONFIDENTIALITY")
        ReservationConcern concern,
        @NotBlank @Size(max = 2000) @Schema(description = "The reservation in words",
                examples = "Mentioned another client's figures over coffee", maxLength = 2000)
        String note) {
}
