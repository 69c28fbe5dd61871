package dev.rapport.notifications.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.notifications.activity.Stage;
import dev.rapport.notifications.notification.NotificationContent;
import dev.rapport.notifications.notification.Threshold;
import dev.rapport.platform.http.Problem;
import dev.rapport.platform.time.IsoDurations;
import dev.rapport.platform.time.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * {@code relationship.dormant}: no meeting, touchpoint or referral with a contact (or since it
 * was added) for longer than {@code after}, a year by default: a nudge to reconnect with an old
 * tie. Every stage but DECLINED and CLOSED (someone who said no, or a reservation confirmed as a
 * deal-breaker, is not to be chased). Any interaction resolves it, and the clock restarts then.
 */
@ApplicationScoped
public class RelationshipDormant implements Rule<RelationshipDormant.Settings> {

    @Schema(name = "RelationshipDormantSettings")
    public record Settings(
            @NotNull Boolean enabled,
            @NotNull @Pattern(regexp = SettingsDurations.PATTERN, message = SettingsDurations.MESSAGE)
            @Schema(description = "How long without a meeting, touchpoint or referral before a relationship is dormant (a year: P365D)",
                    examples = "P365D") String after) implements Rule.Settings {
    }

    private final EntityManager entityManager;
    private final RulesConfig config;

    RelationshipDormant(EntityManager entityManager, RulesConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    @Override
    public RuleName name() {
        return RuleName.RELATIONSHIP_DORMANT;
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
        return new Settings(config.dormant().enabled(), IsoDurations.format(config.dormant().after()));
    }

    @Override
    public List<Problem.FieldError> check(Settings settings) {
        List<Problem.FieldError> errors = new ArrayList<>();
        SettingsDurations.within("after", settings.after(), errors);
        return errors;
    }

    /** {@code lastInteractionAt} null: never in touch since it was added at {@code addedAt}. */
    record Contact(String name, Instant addedAt, Instant lastInteractionAt, boolean deleted, Stage stage) {
    }

    @Override
    public Verdict evaluate(UUID ownerId, UUID contactId, Settings settings, Instant now) {
        Contact contact = find(ownerId, contactId);
        if (contact == null || contact.deleted() || contact.stage() == Stage.DECLINED || contact.stage() == Stage.CLOSED) {
            return Verdict.NOTHING;
        }
        Instant quietSince = contact.lastInteractionAt() == null ? contact.addedAt() : contact.lastInteractionAt();
        Instant dueAt = quietSince.plus(SettingsDurations.of(settings.after()));
        if (dueAt.isAfter(now)) {
            return Verdict.clear(dueAt);
        }
        String name = Names.display(contact.name());
        String message = contact.lastInteractionAt() == null
                ? "You added " + name + " " + span(Duration.between(contact.addedAt(), now)) + " ago and have not been in touch since"
                : "You have known " + name + " for " + span(Duration.between(contact.addedAt(), now)) + " and have not been in touch for "
                        + span(Duration.between(quietSince, now));
        return Verdict.holds(Threshold.DUE, new NotificationContent(name, "Reconnect with " + name, message + " — reconnect.",
                "/contacts/" + contactId), null);
    }

    private Contact find(UUID ownerId, UUID contactId) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                select name, least(added_at, coalesce(last_interaction_at, added_at)) as added_at, last_interaction_at, deleted, stage
                from contact_activity where contact_id = ?1 and owner_id = ?2""", Tuple.class)
                .setParameter(1, contactId).setParameter(2, ownerId).getResultList();
        return rows.stream().findFirst().map(row -> new Contact(row.get("name", String.class), SqlTimes.instant(row.get("added_at")),
                SqlTimes.instant(row.get("last_interaction_at")), row.get("deleted", Boolean.class),
                Stage.valueOf(row.get("stage", String.class)))).orElse(null);
    }

    /** "45 days", "14 months", "9 years": as long spans are told. */
    static String span(Duration duration) {
        long days = duration.toDays();
        if (days < 60) {
            return SettingsDurations.describeDays(duration);
        }
        if (days < 730) {
            return days / 30 + " months";
        }
        return days / 365 + " years";
    }
}
