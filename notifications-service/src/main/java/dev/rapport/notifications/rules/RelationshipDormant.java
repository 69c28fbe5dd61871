package dev.rapport.notifications.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.notifications.activity.Stage;
import dev.rapport.notifications.notification.NotificationContent;
import dev.rapport.notifications.notification.Threshold;
import dev.rapport.notifications.rules.ContactActivities.ContactActivity;
import dev.rapport.platform.http.Problem;
import dev.rapport.platform.time.IsoDurations;
import jakarta.enterprise.context.ApplicationScoped;
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

    private final ContactActivities activities;
    private final RulesConfig config;

    RelationshipDormant(ContactActivities activities, RulesConfig config) {
        this.activities = activities;
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

    @Override
    public Verdict evaluate(UUID ownerId, UUID contactId, Settings settings, Instant now) {
        OwnedSubject contact = new OwnedSubject(ownerId, contactId);
        return evaluateAll(List.of(contact), owner -> settings, now).get(contact);
    }

    @Override
    public Map<OwnedSubject, Verdict> evaluateAll(List<OwnedSubject> contacts, Function<UUID, Settings> settingsOf, Instant now) {
        return activities.decide(contacts, contact -> verdict(contact, settingsOf.apply(contact.ownerId()), now));
    }

    private static Verdict verdict(ContactActivity contact, Settings settings, Instant now) {
        if (contact.deleted() || contact.stage() == Stage.DECLINED || contact.stage() == Stage.CLOSED) {
            return Verdict.NOTHING;
        }
        Instant quietSince = contact.quietSince();
        Instant dueAt = quietSince.plus(SettingsDurations.of(settings.after()));
        if (dueAt.isAfter(now)) {
            return Verdict.clear(dueAt);
        }
        // An interaction recorded with an earlier date than the contact's creation (a meeting entered late) moves "known since" back.
        Instant knownSince = contact.addedAt().isBefore(quietSince) ? contact.addedAt() : quietSince;
        String name = Names.display(contact.name());
        String message = contact.lastInteractionAt() == null
                ? "You added " + name + " " + span(Duration.between(knownSince, now)) + " ago and have not been in touch since"
                : "You have known " + name + " for " + span(Duration.between(knownSince, now)) + " and have not been in touch for "
                        + span(Duration.between(quietSince, now));
        return Verdict.holds(Threshold.DUE, new NotificationContent(name, "Reconnect with " + name, message + " — reconnect.",
                "/contacts/" + contact.id()), null);
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
