package dev.rapport.notifications.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.notifications.notification.NotificationContent;
import dev.rapport.notifications.notification.Threshold;
import dev.rapport.platform.http.Problem;
import dev.rapport.platform.time.IsoDurations;
import dev.rapport.platform.time.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * {@code referral.unreturned}: {@code minCount} or more referrals given to one partner since the
 * last one received from them, the oldest older than {@code after}. Resolved by a referral
 * received back that leaves fewer than {@code minCount} unreturned, or none old enough.
 */
@ApplicationScoped
public class ReferralUnreturned implements Rule<ReferralUnreturned.Settings> {

    @Schema(name = "ReferralUnreturnedSettings")
    public record Settings(
            @NotNull Boolean enabled,
            @NotNull @Min(1) @Max(100) @Schema(description = "Referrals given to one partner with none received back", examples = "2") Integer minCount,
            @NotNull @Pattern(regexp = SettingsDurations.PATTERN, message = SettingsDurations.MESSAGE)
            @Schema(description = "Age of the oldest unreturned referral", examples = "P60D") String after) implements Rule.Settings {
    }

    private final EntityManager entityManager;
    private final RulesConfig config;

    ReferralUnreturned(EntityManager entityManager, RulesConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    @Override
    public RuleName name() {
        return RuleName.REFERRAL_UNRETURNED;
    }

    @Override
    public SubjectKind watches() {
        return SubjectKind.PARTNER;
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public Settings defaults() {
        return new Settings(config.unreturned().enabled(), config.unreturned().minCount(), IsoDurations.format(config.unreturned().after()));
    }

    @Override
    public List<Problem.FieldError> check(Settings settings) {
        List<Problem.FieldError> errors = new ArrayList<>();
        SettingsDurations.within("after", settings.after(), errors);
        return errors;
    }

    record Ledger(String partnerName, boolean partnerDeleted, int unreturned, Instant oldestUnreturnedAt) {
    }

    @Override
    public Verdict evaluate(UUID ownerId, UUID partnerId, Settings settings, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select a.name, coalesce(a.deleted, false), cardinality(p.unreturned_given_at),
                    (select min(g) from unnest(p.unreturned_given_at) g)
                from partner_ledger p left join contact_activity a on a.contact_id = p.partner_id
                where p.owner_id = ?1 and p.partner_id = ?2""")
                .setParameter(1, ownerId).setParameter(2, partnerId).getResultList();
        if (rows.isEmpty()) {
            return Verdict.NOTHING;
        }
        Object[] row = rows.get(0);
        Ledger ledger = new Ledger((String) row[0], (Boolean) row[1], ((Number) row[2]).intValue(),
                row[3] == null ? null : SqlTimes.instant(row[3]));
        if (ledger.partnerDeleted() || ledger.unreturned() < settings.minCount()) {
            return Verdict.NOTHING;
        }
        Instant dueAt = ledger.oldestUnreturnedAt().plus(SettingsDurations.of(settings.after()));
        if (dueAt.isAfter(now)) {
            return Verdict.clear(dueAt);
        }
        String name = Names.display(ledger.partnerName());
        int count = ledger.unreturned();
        return Verdict.holds(Threshold.DUE, new NotificationContent(name,
                "Unreturned referrals: " + name,
                "You have given " + name + " " + count + " referral" + (count == 1 ? "" : "s") + " and received none back; the oldest is "
                        + SettingsDurations.describeDays(Duration.between(ledger.oldestUnreturnedAt(), now))
                        + " old. Time for a candid conversation.",
                "/partners/" + partnerId + "/balance"), null);
    }
}
