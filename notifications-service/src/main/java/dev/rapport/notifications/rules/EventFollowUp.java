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
 * {@code event.follow-up}: a contact met at a networking event, still a PROSPECT, has had no
 * one-to-one arranged (an invitation sent, a meeting scheduled or held) since the event began,
 * {@code after} the event ended. The latest event they were met at counts, as on
 * meetings-service's follow-up board. Resolved by a one-to-one arranged, the contact moving on
 * from PROSPECT, the attendee removed or the event deleted.
 */
@ApplicationScoped
public class EventFollowUp implements Rule<EventFollowUp.Settings> {

    @Schema(name = "EventFollowUpSettings")
    public record Settings(
            @NotNull Boolean enabled,
            @NotNull @Pattern(regexp = SettingsDurations.PATTERN, message = SettingsDurations.MESSAGE)
            @Schema(description = "How long after a networking event someone met there may go without an invitation to a one-to-one",
                    examples = "P3D") String after) implements Rule.Settings {
    }

    private final EntityManager entityManager;
    private final RulesConfig config;

    EventFollowUp(EntityManager entityManager, RulesConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    @Override
    public RuleName name() {
        return RuleName.EVENT_FOLLOW_UP;
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
        return new Settings(config.followUp().enabled(), IsoDurations.format(config.followUp().after()));
    }

    @Override
    public List<Problem.FieldError> check(Settings settings) {
        List<Problem.FieldError> errors = new ArrayList<>();
        SettingsDurations.within("after", settings.after(), errors);
        return errors;
    }

    /** The contact as met at the latest event, and whether a one-to-one was arranged with them since it began. */
    record Met(String name, boolean deleted, Stage stage, String eventName, Instant eventEndsAt, boolean arrangedSince) {
    }

    @Override
    public Verdict evaluate(UUID ownerId, UUID contactId, Settings settings, Instant now) {
        Met met = find(ownerId, contactId);
        if (met == null || met.deleted() || met.stage() != Stage.PROSPECT || met.arrangedSince()) {
            return Verdict.NOTHING;
        }
        Instant dueAt = met.eventEndsAt().plus(SettingsDurations.of(settings.after()));
        if (dueAt.isAfter(now)) {
            return Verdict.clear(dueAt);
        }
        String name = Names.display(met.name());
        return Verdict.holds(Threshold.DUE, new NotificationContent(name,
                "Follow up with " + name,
                "You met " + name + " at " + met.eventName() + " " + SettingsDurations.describeDays(Duration.between(met.eventEndsAt(), now))
                        + " ago and have not invited them to a one-to-one yet. Invite them while the meeting is fresh in their mind.",
                "/contacts/" + contactId), null);
    }

    private Met find(UUID ownerId, UUID contactId) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                select c.name, coalesce(c.deleted, false) as deleted, coalesce(c.stage, 'PROSPECT') as stage,
                    e.name as event_name, e.ends_at,
                    exists (select 1 from one_to_one o where o.owner_id = a.owner_id and o.contact_id = a.contact_id
                            and o.arranged_at >= e.starts_at) as arranged_since
                from event_attendee a
                join networking_event e on e.event_id = a.event_id and e.owner_id = a.owner_id
                left join contact_activity c on c.contact_id = a.contact_id and c.owner_id = a.owner_id
                where a.owner_id = ?1 and a.contact_id = ?2
                order by e.starts_at desc, e.event_id limit 1""", Tuple.class)
                .setParameter(1, ownerId).setParameter(2, contactId).getResultList();
        return rows.stream().findFirst().map(row -> new Met(row.get("name", String.class), row.get("deleted", Boolean.class),
                Stage.valueOf(row.get("stage", String.class)), row.get("event_name", String.class), SqlTimes.instant(row.get("ends_at")),
                row.get("arranged_since", Boolean.class))).orElse(null);
    }
}
