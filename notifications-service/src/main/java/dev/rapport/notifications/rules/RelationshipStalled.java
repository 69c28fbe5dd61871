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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * {@code relationship.stalled}: no meeting held or touchpoint logged with a contact (or since it
 * was added) for longer than the contact's own cadence or else the owner's. Resolved by an
 * interaction recent enough that the contact is no longer overdue; the clock restarts then.
 */
@ApplicationScoped
public class RelationshipStalled implements Rule<RelationshipStalled.Settings> {

    @Schema(name = "RelationshipStalledSettings")
    public record Settings(
            @NotNull Boolean enabled,
            @NotNull @Pattern(regexp = SettingsDurations.PATTERN, message = SettingsDurations.MESSAGE)
            @Schema(description = "Longest time without a meeting or touchpoint", examples = "P30D") String cadence) implements Rule.Settings {
    }

    private final EntityManager entityManager;
    private final RulesConfig config;

    RelationshipStalled(EntityManager entityManager, RulesConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    @Override
    public RuleName name() {
        return RuleName.RELATIONSHIP_STALLED;
    }

    @Override
    public SubjectKind watches() {
        return SubjectKind.CONTACT;
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public Settings defaults() {
        return new Settings(config.stalled().enabled(), IsoDurations.format(config.stalled().cadence()));
    }

    @Override
    public List<Problem.FieldError> check(Settings settings) {
        List<Problem.FieldError> errors = new ArrayList<>();
        SettingsDurations.within("cadence", settings.cadence(), errors);
        return errors;
    }

    record Contact(String name, Instant since, boolean deleted, Duration ownCadence) {
    }

    @Override
    public Verdict evaluate(UUID ownerId, UUID contactId, Settings settings, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select name, coalesce(last_interaction_at, added_at), deleted, stay_in_touch_seconds
                from contact_activity where contact_id = ?1 and owner_id = ?2""")
                .setParameter(1, contactId).setParameter(2, ownerId).getResultList();
        if (rows.isEmpty()) {
            return Verdict.NOTHING;
        }
        Object[] row = rows.get(0);
        Contact contact = new Contact((String) row[0], SqlTimes.instant(row[1]), (Boolean) row[2],
                row[3] == null ? null : Duration.ofSeconds(((Number) row[3]).longValue()));
        if (contact.deleted()) {
            return Verdict.NOTHING;
        }
        Duration cadence = contact.ownCadence() != null ? contact.ownCadence() : SettingsDurations.of(settings.cadence());
        Instant dueAt = contact.since().plus(cadence);
        if (dueAt.isAfter(now)) {
            return Verdict.clear(dueAt);
        }
        String name = Names.display(contact.name());
        return Verdict.holds(Threshold.DUE, new NotificationContent(name,
                "Stalled relationship: " + name,
                "No meeting or touchpoint with " + name + " for " + SettingsDurations.describeDays(Duration.between(contact.since(), now))
                        + ". Time to get back in touch.",
                "/contacts/" + contactId), null);
    }
}
