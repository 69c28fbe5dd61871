package dev.rapport.notifications.settings;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.notifications.rules.EventFollowUp;
import dev.rapport.notifications.rules.MeetingAskWhoTheyKnow;
import dev.rapport.notifications.rules.MeetingNoResponse;
import dev.rapport.notifications.rules.ReferralUnacknowledged;
import dev.rapport.notifications.rules.ReferralUnreturned;
import dev.rapport.notifications.rules.ReferralWon;
import dev.rapport.notifications.rules.RelationshipDormant;
import dev.rapport.notifications.rules.RelationshipStalled;
import dev.rapport.notifications.rules.ReservationUnresolved;
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
        @Valid @NotNull @Schema(description = "Rule relationship.stalled") RelationshipStalled.Settings relationshipStalled,
        @Valid @NotNull @Schema(description = "Rule relationship.dormant") RelationshipDormant.Settings relationshipDormant,
        @Valid @NotNull @Schema(description = "Rule event.follow-up") EventFollowUp.Settings eventFollowUp,
        @Valid @NotNull @Schema(description = "Rule meeting.no-response") MeetingNoResponse.Settings meetingNoResponse,
        @Valid @NotNull @Schema(description = "Rule meeting.ask-who-they-know") MeetingAskWhoTheyKnow.Settings meetingAskWhoTheyKnow,
        @Valid @NotNull @Schema(description = "Rule reservation.unresolved") ReservationUnresolved.Settings reservationUnresolved) {
}
