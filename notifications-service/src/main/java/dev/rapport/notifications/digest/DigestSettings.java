package dev.rapport.notifications.digest;

import java.time.DayOfWeek;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** An owner's choice of digest: whether, how often, and when in their own time zone. */
@Schema(name = "DigestSettings")
public record DigestSettings(
        @NotNull @Schema(description = "Whether the owner gets a digest", examples = "true") Boolean enabled,
        @NotNull @Schema(description = "Every day, or once a week on weekday") Frequency frequency,
        @NotNull @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "must be a time of day, HH:MM (24 hours)")
        @Schema(description = "The local time it comes at, HH:MM", examples = "08:00") String at,
        @NotNull @Schema(description = "The owner's IANA time zone", examples = "Europe/Berlin") String timeZone,
        @NotNull @Schema(description = "For a weekly digest, the day it comes on", examples = "MONDAY") DayOfWeek weekday) {

    public enum Frequency {
        DAILY,
        WEEKLY
    }

    /** Until an owner chooses: no digest; once chosen, daily at 08:00 UTC unless they say otherwise. */
    static final DigestSettings DEFAULTS = new DigestSettings(false, Frequency.DAILY, "08:00", "UTC", DayOfWeek.MONDAY);
}
