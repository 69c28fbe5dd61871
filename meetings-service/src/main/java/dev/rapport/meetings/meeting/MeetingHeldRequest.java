package dev.rapport.meetings.meeting;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The outcome of a meeting that took place. */
@Schema(name = "MeetingHeldRequest", description = "The outcome of a meeting that took place")
public record MeetingHeldRequest(
        @NotNull @Schema(description = "When it took place (RFC 3339); not in the future",
                examples = "2026-12-01T10:30:00Z") Instant heldAt,
        @Size(max = 10000) @Schema(description = "Private", maxLength = 10000) String notes,
        @Schema(description = "Whether \"Who do you know who might be interested in this?\" was asked; false when omitted")
        Boolean askedWhoTheyKnow,
        @Schema(description = "Whether both agreed a next meeting is worth it; false when omitted")
        Boolean bothAgreedToFollowUp,
        @Valid @Schema(description = "What the two found they share") CommonGround commonGround,
        @Size(max = 50) @Schema(description = "People the contact named when asked who they know; each becomes a new contact "
                + "in contacts-service, introduced by the person met", maxItems = 50)
        List<@Valid @NotNull NameGiven> namesGiven,
        @Size(max = 20) @Schema(description = "Reservations voiced (typically in a REFERRAL_FIT meeting); each becomes an open "
                + "reservation on the contact in contacts-service", maxItems = 20)
        List<@Valid @NotNull SharedReservation> reservationsShared) {
}
