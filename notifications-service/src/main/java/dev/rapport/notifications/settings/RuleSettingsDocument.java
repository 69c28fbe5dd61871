package dev.rapport.notifications.settings;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.platform.time.IsoDurations;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The owner's rule settings, as read and written through the API. */
@Schema(name = "RuleSettings")
public record RuleSettingsDocument(
        @Valid @NotNull @Schema(description = "Rule referral.unreturned") ReferralUnreturned referralUnreturned,
        @Valid @NotNull @Schema(description = "Rule relationship.stalled") RelationshipStalled relationshipStalled) {

    static final String DURATION = IsoDurations.PATTERN;
    static final String DURATION_MESSAGE = IsoDurations.MESSAGE;

    @Schema(name = "ReferralUnreturnedSettings")
    public record ReferralUnreturned(
            @NotNull Boolean enabled,
            @NotNull @Min(1) @Max(100) @Schema(description = "Referrals given to one partner with none received back", examples = "2") Integer minCount,
            @NotNull @Pattern(regexp = DURATION, message = DURATION_MESSAGE)
            @Schema(description = "Age of the oldest unreturned referral", examples = "P60D") String after) {
    }

    @Schema(name = "RelationshipStalledSettings")
    public record RelationshipStalled(
            @NotNull Boolean enabled,
            @NotNull @Pattern(regexp = DURATION, message = DURATION_MESSAGE)
            @Schema(description = "Longest time without a meeting or touchpoint", examples = "P30D") String cadence) {
    }
}
