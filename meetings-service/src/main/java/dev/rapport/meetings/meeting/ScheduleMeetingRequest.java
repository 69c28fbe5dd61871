package dev.rapport.meetings.meeting;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A one-to-one to arrange with one of the caller's contacts: an invitation, or a meeting agreed already. */
@Schema(name = "ScheduleMeetingRequest", description = "A one-to-one to arrange: an invitation sent (INVITED) or a meeting agreed already (SCHEDULED)")
public record ScheduleMeetingRequest(
        @NotNull @Schema(description = "One of the caller's contacts") UUID contactId,
        @NotNull @Schema(description = "REFERRAL_FIT needs a held DISCOVERY meeting with the contact where both agreed to follow up, "
                + "unless overrideTwoStageRule is true")
        MeetingStage stage,
        @Schema(description = "INVITED: an invitation went out and awaits the answer; SCHEDULED (the default): a time is agreed. "
                + "No other status is accepted.", examples = "INVITED", enumeration = {"INVITED", "SCHEDULED"})
        MeetingStatus status,
        @Schema(description = "When the meeting is planned (RFC 3339); for an invitation, the time proposed", examples = "2026-12-01T09:30:00Z")
        Instant scheduledFor,
        @Size(max = 200) @Schema(examples = "Café Rouge, Market Street", maxLength = 200) String location,
        @Size(max = 2000) @Schema(description = "Private", examples = "Find out who their ideal client is", maxLength = 2000) String agenda,
        @Schema(description = "Arrange a REFERRAL_FIT meeting without a held, agreed DISCOVERY meeting (for example one held "
                + "before Rapport); recorded on the meeting. Requires overrideReason.", examples = "false")
        Boolean overrideTwoStageRule,
        @Size(max = 500) @Schema(description = "Why the two-stage rule is overridden; required with overrideTwoStageRule",
                examples = "Discovery held at last year's conference, before we used Rapport", maxLength = 500)
        String overrideReason) {

    /** How the one-to-one begins. */
    MeetingStatus startsAs() {
        return status == null ? MeetingStatus.SCHEDULED : status;
    }

    boolean overrides() {
        return Boolean.TRUE.equals(overrideTwoStageRule);
    }
}
