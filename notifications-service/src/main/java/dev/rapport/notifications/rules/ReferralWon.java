package dev.rapport.notifications.rules;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.notifications.activity.ReferralActivity;
import dev.rapport.notifications.activity.ReferralActivity.Direction;
import dev.rapport.notifications.activity.ReferralActivity.Status;
import dev.rapport.notifications.notification.NotificationContent;
import dev.rapport.notifications.notification.Threshold;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;

/**
 * {@code referral.won}: business came of a referral. Received: thank the partner who gave it
 * (resolved once thanked); given: celebrate the partner's win (open until read or dismissed).
 * A correction that takes the referral back from WON resolves it.
 */
@ApplicationScoped
public class ReferralWon implements Rule<ReferralWon.Settings> {

    @Schema(name = "ReferralWonSettings")
    public record Settings(
            @NotNull Boolean enabled,
            @NotNull @Schema(description = "A referral received and won: a nudge to thank the giver", examples = "true") Boolean thankGiver,
            @NotNull @Schema(description = "A referral given and won: a nudge to celebrate with the partner", examples = "true")
            Boolean celebrateGiven) implements Rule.Settings {
    }

    private final ReferralActivity referrals;
    private final RulesConfig config;

    ReferralWon(ReferralActivity referrals, RulesConfig config) {
        this.referrals = referrals;
        this.config = config;
    }

    @Override
    public RuleName name() {
        return RuleName.REFERRAL_WON;
    }

    @Override
    public SubjectKind watches() {
        return SubjectKind.REFERRAL;
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public Settings defaults() {
        return new Settings(config.won().enabled(), config.won().thankGiver(), config.won().celebrateGiven());
    }

    @Override
    public Verdict evaluate(UUID ownerId, UUID referralId, Settings settings, Instant now) {
        ReferralActivity.Referral referral = referrals.find(ownerId, referralId).orElse(null);
        // rapport.referral.won.v1 (with the value) follows the status change to WON: the win is told once it has come.
        if (referral == null || referral.status() != Status.WON || referral.value() == null || referral.partnerDeleted()) {
            return Verdict.NOTHING;
        }
        String partner = Names.display(referral.partnerName());
        String referred = referral.referredName();
        String worth = " (" + referral.value() + ")";
        String link = "/referrals/" + referralId;
        if (referral.direction() == Direction.RECEIVED) {
            if (!settings.thankGiver() || referral.thankedAt() != null) {
                return Verdict.NOTHING;
            }
            return Verdict.holds(Threshold.DUE, new NotificationContent(partner,
                    "Thank " + partner + ": " + referred + " became a client",
                    referred + ", whom " + partner + " referred to you, became a client" + worth + ". Thank " + partner
                            + " for the referral.",
                    link), null);
        }
        if (!settings.celebrateGiven()) {
            return Verdict.NOTHING;
        }
        return Verdict.holds(Threshold.DUE, new NotificationContent(partner,
                "Celebrate with " + partner + ": " + referred + " became their client",
                referred + ", whom you referred to " + partner + ", became their client" + worth + ". Congratulate " + partner + ".",
                link), null);
    }
}
