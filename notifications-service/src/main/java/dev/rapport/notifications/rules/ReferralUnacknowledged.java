package dev.rapport.notifications.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.notifications.activity.ReferralActivity;
import dev.rapport.notifications.activity.ReferralActivity.Direction;
import dev.rapport.notifications.activity.ReferralActivity.Status;
import dev.rapport.notifications.notification.NotificationContent;
import dev.rapport.notifications.notification.Threshold;
import dev.rapport.platform.http.Problem;
import dev.rapport.platform.time.IsoDurations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * {@code referral.unacknowledged}: a referral received is still OPEN (the person referred not
 * contacted) {@code after} it was received. Resolved when its status moves on.
 */
@ApplicationScoped
public class ReferralUnacknowledged implements Rule<ReferralUnacknowledged.Settings> {

    @Schema(name = "ReferralUnacknowledgedSettings")
    public record Settings(
            @NotNull Boolean enabled,
            @NotNull @Pattern(regexp = SettingsDurations.PATTERN, message = SettingsDurations.MESSAGE)
            @Schema(description = "How long a referral received may stay OPEN", examples = "P2D") String after) implements Rule.Settings {
    }

    private final ReferralActivity referrals;
    private final RulesConfig config;

    ReferralUnacknowledged(ReferralActivity referrals, RulesConfig config) {
        this.referrals = referrals;
        this.config = config;
    }

    @Override
    public RuleName name() {
        return RuleName.REFERRAL_UNACKNOWLEDGED;
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
        return new Settings(config.unacknowledged().enabled(), IsoDurations.format(config.unacknowledged().after()));
    }

    @Override
    public List<Problem.FieldError> check(Settings settings) {
        List<Problem.FieldError> errors = new ArrayList<>();
        SettingsDurations.within("after", settings.after(), errors);
        return errors;
    }

    @Override
    public Verdict evaluate(UUID ownerId, UUID referralId, Settings settings, Instant now) {
        ReferralActivity.Referral referral = referrals.find(ownerId, referralId).orElse(null);
        if (referral == null || referral.direction() != Direction.RECEIVED || referral.status() != Status.OPEN
                || referral.partnerDeleted()) {
            return Verdict.NOTHING;
        }
        Instant dueAt = referral.occurredAt().plus(SettingsDurations.of(settings.after()));
        if (dueAt.isAfter(now)) {
            return Verdict.clear(dueAt);
        }
        String partner = Names.display(referral.partnerName());
        String referred = referral.referredName();
        return Verdict.holds(Threshold.DUE, new NotificationContent(partner,
                "Referral waiting: " + referred,
                partner + " referred " + referred + " to you " + SettingsDurations.describeDays(Duration.between(referral.occurredAt(), now))
                        + " ago and it is still open. Get in touch with " + referred + ", and let " + partner + " know you have.",
                "/referrals/" + referralId), null);
    }
}
