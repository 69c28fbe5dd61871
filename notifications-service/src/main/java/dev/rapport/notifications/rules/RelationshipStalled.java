package dev.rapport.notifications.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * {@code relationship.stalled}: no meeting, touchpoint or referral with a contact (or since it
 * was added) for longer than its stage's {@code due} threshold, then its {@code overdue} one
 * (which supersedes the first notification). A contact's own stay-in-touch cadence overrides
 * the stage's due threshold, and its overdue one is that cadence times
 * {@code ownCadenceOverdueFactor}. DECLINED and CLOSED relationships raise nothing. Any
 * interaction recent enough resolves it, and the clock restarts then.
 */
@ApplicationScoped
public class RelationshipStalled implements Rule<RelationshipStalled.Settings> {

    @Schema(name = "RelationshipStalledSettings")
    public record Settings(
            @NotNull Boolean enabled,
            @Valid @NotNull @Schema(description = "The thresholds of each stage; DECLINED and CLOSED relationships raise nothing") Stages stages,
            @NotNull @DecimalMin(value = "1.0", inclusive = false) @DecimalMax("10.0")
            @Schema(description = "For a contact with its own stay-in-touch cadence (its due threshold): overdue after this many times it",
                    examples = "1.5") Double ownCadenceOverdueFactor) implements Rule.Settings {
    }

    @Schema(name = "RelationshipStalledStages")
    public record Stages(
            @Valid @NotNull Thresholds prospect,
            @Valid @NotNull Thresholds invited,
            @Valid @NotNull Thresholds exploring,
            @Valid @NotNull Thresholds qualifying,
            @Valid @NotNull Thresholds partner) {

        /** The stage's thresholds; none for DECLINED and CLOSED. */
        Thresholds of(Stage stage) {
            return switch (stage) {
                case PROSPECT -> prospect;
                case INVITED -> invited;
                case EXPLORING -> exploring;
                case QUALIFYING -> qualifying;
                case PARTNER -> partner;
                case DECLINED, CLOSED -> null;
            };
        }
    }

    @Schema(name = "RelationshipStalledThresholds")
    public record Thresholds(
            @NotNull @Pattern(regexp = SettingsDurations.PATTERN, message = SettingsDurations.MESSAGE)
            @Schema(description = "How long without an interaction before it is due", examples = "P30D") String due,
            @NotNull @Pattern(regexp = SettingsDurations.PATTERN, message = SettingsDurations.MESSAGE)
            @Schema(description = "How long before it is overdue; longer than due", examples = "P45D") String overdue) {

        static Thresholds of(RulesConfig.Stalled.Thresholds config) {
            return new Thresholds(IsoDurations.format(config.due()), IsoDurations.format(config.overdue()));
        }
    }

    private final ContactActivities activities;
    private final RulesConfig config;

    RelationshipStalled(ContactActivities activities, RulesConfig config) {
        this.activities = activities;
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
        RulesConfig.Stalled stalled = config.stalled();
        return new Settings(stalled.enabled(),
                new Stages(Thresholds.of(stalled.prospect()), Thresholds.of(stalled.invited()), Thresholds.of(stalled.exploring()),
                        Thresholds.of(stalled.qualifying()), Thresholds.of(stalled.partner())),
                stalled.ownCadenceOverdueFactor());
    }

    @Override
    public List<Problem.FieldError> check(Settings settings) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            Thresholds thresholds = settings.stages().of(stage);
            if (thresholds == null) {
                continue;
            }
            String field = "stages." + stage.name().toLowerCase(Locale.ROOT) + ".";
            Duration due = SettingsDurations.within(field + "due", thresholds.due(), errors);
            Duration overdue = SettingsDurations.within(field + "overdue", thresholds.overdue(), errors);
            if (due != null && overdue != null && overdue.compareTo(due) <= 0) {
                errors.add(new Problem.FieldError(field + "overdue", "must be longer than due"));
            }
        }
        return errors;
    }

    /** When a contact is due, then overdue, and why: its own cadence or its stage's. */
    record Cadence(Duration due, Duration overdue, String reason) {
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

    static Verdict verdict(ContactActivity contact, Settings settings, Instant now) {
        Cadence cadence = contact.deleted() ? null : cadence(contact, settings);
        if (cadence == null) {
            return Verdict.NOTHING;
        }
        Instant dueAt = contact.quietSince().plus(cadence.due());
        Instant overdueAt = contact.quietSince().plus(cadence.overdue());
        if (dueAt.isAfter(now)) {
            return Verdict.clear(dueAt);
        }
        String name = Names.display(contact.name());
        String quiet = SettingsDurations.describeDays(Duration.between(contact.quietSince(), now));
        String link = "/contacts/" + contact.id();
        if (overdueAt.isAfter(now)) {
            return Verdict.holds(Threshold.DUE, new NotificationContent(name,
                    "Stalled relationship: " + name,
                    "No meeting, touchpoint or referral with " + name + " for " + quiet + ", and " + cadence.reason()
                            + " every " + SettingsDurations.describeDays(cadence.due()) + ". Time to get back in touch.",
                    link), overdueAt);
        }
        return Verdict.holds(Threshold.OVERDUE, new NotificationContent(name,
                "Overdue relationship: " + name,
                "It has been " + quiet + " without a meeting, touchpoint or referral with " + name + ", and " + cadence.reason()
                        + " every " + SettingsDurations.describeDays(cadence.due()) + ": this one is overdue. Reach out before it goes cold.",
                link), null);
    }

    @Override
    public NotificationContent summarize(int count, String link) {
        return new NotificationContent(count + " relationships", count + " relationships need you",
                count + " relationships became due for a meeting, touchpoint or referral at once (after a change of your settings, or "
                        + "a long pause). Rather than " + count + " separate reminders, they are listed behind this one: reach out to a few each day.",
                link);
    }

    private static Cadence cadence(ContactActivity contact, Settings settings) {
        Thresholds stage = settings.stages().of(contact.stage());
        if (stage == null) {
            return null; // a declined or closed relationship is not one to keep up
        }
        if (contact.ownCadence() != null) {
            Duration overdue = Duration.ofMillis(Math.round(contact.ownCadence().toMillis() * settings.ownCadenceOverdueFactor()));
            return new Cadence(contact.ownCadence(), overdue, "you meant to be in touch with " + Names.display(contact.name()));
        }
        return new Cadence(SettingsDurations.of(stage.due()), SettingsDurations.of(stage.overdue()),
                "you keep in touch with " + article(contact.stage()));
    }

    private static String article(Stage stage) {
        return switch (stage) {
            case PROSPECT -> "a prospect";
            case INVITED -> "someone you invited";
            case EXPLORING -> "someone you are getting to know";
            case QUALIFYING -> "a possible partner";
            case PARTNER -> "a referral partner";
            case DECLINED, CLOSED -> "them";
        };
    }
}
