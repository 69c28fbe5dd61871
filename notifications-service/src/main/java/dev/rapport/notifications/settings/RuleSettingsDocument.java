package dev.rapport.notifications.settings;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.notifications.rules.ReferralUnacknowledged;
import dev.rapport.notifications.rules.ReferralUnreturned;
import dev.rapport.notifications.rules.ReferralWon;
import dev.rapport.notifications.rules.RelationshipStalled;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * The owner's rule settings, as read and written through the API: one member per rule (named by
 * {@link dev.rapport.notifications.rules.RuleName#settingsKey()}), each stored on its own.
 */
@Schema(name = "RuleSettings")
public record RuleSettingsDocument(
        @Valid @NotNull @Schema(description = "Rule referral.unreturned") ReferralUnreturned.Settings referralUnreturned,
        @Valid @NotNull @Schema(description = "Rule referral.unacknowledged") ReferralUnacknowledged.Settings referralUnacknowledged,
        @Valid @NotNull @Schema(description = "Rule referral.won") ReferralWon.Settings referralWon,
        @Valid @NotNull @Schema(description = "Rule relationship.stalled") RelationshipStalled.Settings relationshipStalled) {
}
