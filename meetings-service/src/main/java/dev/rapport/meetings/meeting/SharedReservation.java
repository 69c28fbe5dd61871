package dev.rapport.meetings.meeting;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A reservation voiced in a referral-fit one-to-one: ME about them, THEM about me.
 * contacts-service records each as an open reservation on the contact.
 */
@Schema(name = "SharedReservation", description = "A reservation voiced in the meeting")
public record SharedReservation(
        @NotNull @Schema(description = "ME: mine about them; THEM: theirs about me") Holder holder,
        @NotNull Concern concern,
        @NotBlank @Size(max = 2000) @Schema(maxLength = 2000, examples = "Doubts I know enough landlords") String note) {

    public enum Holder {
        ME, THEM
    }

    public enum Concern {
        COMPETENCE, CONSISTENCY, INTEGRITY, CONFIDENTIALITY, RELIABILITY, REACH, OTHER
    }
}
