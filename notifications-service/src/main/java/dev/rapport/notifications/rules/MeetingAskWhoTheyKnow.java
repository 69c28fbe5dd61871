package dev.rapport.notifications.rules;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.notifications.activity.OneToOneActivity.MeetingStage;
import dev.rapport.notifications.activity.OneToOneActivity.Status;
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
 * {@code meeting.ask-who-they-know}, about a one-to-one held: when it yielded names, the people
 * named not yet contacted (no meeting, touchpoint, referral or one-to-one arranged with them
 * since) {@code contactNamesWithin} after it was held; when it yielded none, a DISCOVERY
 * one-to-one held without asking "who do you know?" ({@code askInDiscovery}), at once.
 * Resolved by contacting every person named, or by asking (or being given names) in a later
 * one-to-one with the same contact. The people named are those contacts-service connected to the person met as an
 * introduction from when it was held until their next one-to-one held: meeting.held.v1 carries
 * the names, not the contacts made of them.
 */
@ApplicationScoped
public class MeetingAskWhoTheyKnow implements Rule<MeetingAskWhoTheyKnow.Settings> {

    /** How many uncontacted people a notification names; the rest are counted. */
    private static final int NAMES_TOLD = 3;

    @Schema(name = "MeetingAskWhoTheyKnowSettings")
    public record Settings(
            @NotNull Boolean enabled,
            @NotNull @Schema(description = "A discovery one-to-one held without asking \"who do you know?\": a nudge to ask",
                    examples = "true") Boolean askInDiscovery,
            @NotNull @Pattern(regexp = SettingsDurations.PATTERN, message = SettingsDurations.MESSAGE)
            @Schema(description = "How long the people named in a one-to-one may go without being contacted", examples = "P7D")
            String contactNamesWithin) implements Rule.Settings {
    }

    private final EntityManager entityManager;
    private final RulesConfig config;

    MeetingAskWhoTheyKnow(EntityManager entityManager, RulesConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    @Override
    public RuleName name() {
        return RuleName.MEETING_ASK_WHO_THEY_KNOW;
    }

    @Override
    public SubjectKind watches() {
        return SubjectKind.MEETING;
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public Settings defaults() {
        RulesConfig.AskWhoTheyKnow ask = config.askWhoTheyKnow();
        return new Settings(ask.enabled(), ask.askInDiscovery(), IsoDurations.format(ask.contactNamesWithin()));
    }

    @Override
    public List<Problem.FieldError> check(Settings settings) {
        List<Problem.FieldError> errors = new ArrayList<>();
        SettingsDurations.within("contactNamesWithin", settings.contactNamesWithin(), errors);
        return errors;
    }

    /** A one-to-one and what it yielded; {@code askedLater}: asked (or names given) in a later one-to-one held with the same contact. */
    record Meeting(UUID contactId, String contactName, boolean contactDeleted, MeetingStage stage, Status status, Instant heldAt,
            boolean askedWhoTheyKnow, int namesGiven, boolean askedLater) {
    }

    @Override
    public Verdict evaluate(UUID ownerId, UUID meetingId, Settings settings, Instant now) {
        Meeting meeting = find(ownerId, meetingId);
        if (meeting == null || meeting.contactDeleted() || meeting.status() != Status.HELD) {
            return Verdict.NOTHING;
        }
        String name = Names.display(meeting.contactName());
        String link = "/one-to-ones/" + meetingId;
        if (meeting.namesGiven() > 0) {
            Instant dueAt = meeting.heldAt().plus(SettingsDurations.of(settings.contactNamesWithin()));
            if (dueAt.isAfter(now)) {
                return Verdict.clear(dueAt);
            }
            List<String> uncontacted = uncontacted(ownerId, meeting);
            if (uncontacted.isEmpty()) {
                return Verdict.NOTHING;
            }
            String ago = SettingsDurations.describeDays(Duration.between(meeting.heldAt(), now));
            String said = uncontacted.size() >= meeting.namesGiven()
                    ? name + " named " + list(uncontacted) + " in your one-to-one " + ago + " ago, and you have not been in touch with "
                            + (uncontacted.size() == 1 ? "them" : "any of them") + " yet."
                    : name + " named " + meeting.namesGiven() + " people in your one-to-one " + ago + " ago; you have not been in touch with "
                            + list(uncontacted) + " yet.";
            return Verdict.holds(Threshold.DUE, new NotificationContent(name,
                    "Contact the people " + name + " named",
                    said + " Contact them while the introduction is fresh, and tell " + name + " how it went.",
                    link), null);
        }
        if (settings.askInDiscovery() && meeting.stage() == MeetingStage.DISCOVERY && !meeting.askedWhoTheyKnow() && !meeting.askedLater()) {
            return Verdict.holds(Threshold.DUE, new NotificationContent(name,
                    "Ask " + name + " who they know",
                    "In your discovery one-to-one with " + name + " you did not ask who they know. Ask them when you next talk: "
                            + "\"Who do you know who might be interested in this?\"",
                    link), null);
        }
        return Verdict.NOTHING;
    }

    private Meeting find(UUID ownerId, UUID meetingId) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                select o.contact_id, c.name, coalesce(c.deleted, false) as deleted, o.stage, o.status, o.held_at,
                    coalesce(o.asked_who_they_know, false) as asked, coalesce(o.names_given, 0) as names_given,
                    exists (select 1 from one_to_one later where later.owner_id = o.owner_id and later.contact_id = o.contact_id
                            and later.status = 'HELD' and later.held_at > o.held_at
                            and (later.asked_who_they_know or later.names_given > 0)) as asked_later
                from one_to_one o left join contact_activity c on c.contact_id = o.contact_id and c.owner_id = o.owner_id
                where o.owner_id = ?1 and o.meeting_id = ?2""", Tuple.class)
                .setParameter(1, ownerId).setParameter(2, meetingId).getResultList();
        return rows.stream().findFirst().map(row -> new Meeting(row.get("contact_id", UUID.class), row.get("name", String.class),
                row.get("deleted", Boolean.class), MeetingStage.valueOf(row.get("stage", String.class)),
                Status.valueOf(row.get("status", String.class)), SqlTimes.instant(row.get("held_at")), row.get("asked", Boolean.class),
                ((Number) row.get("names_given")).intValue(), row.get("asked_later", Boolean.class))).orElse(null);
    }

    /**
     * The names of the people named in the one-to-one (introduced by its contact from when it
     * was held until their next one-to-one held) with no interaction and no one-to-one arranged
     * since it was held; deleted contacts are left out.
     */
    @SuppressWarnings("unchecked")
    private List<String> uncontacted(UUID ownerId, Meeting meeting) {
        return entityManager.createNativeQuery("""
                select c.name from introduction i
                join contact_activity c on c.contact_id = i.contact_id and c.owner_id = i.owner_id and not c.deleted
                where i.owner_id = ?1 and i.introducer_id = ?2 and i.introduced_at >= ?3
                  and not exists (select 1 from one_to_one next where next.owner_id = ?1 and next.contact_id = ?2
                                  and next.status = 'HELD' and next.held_at > ?3 and next.held_at <= i.introduced_at)
                  and (c.last_interaction_at is null or c.last_interaction_at < ?3)
                  and not exists (select 1 from one_to_one o where o.owner_id = ?1 and o.contact_id = i.contact_id
                                  and o.arranged_at >= ?3)
                order by c.name""")
                .setParameter(1, ownerId).setParameter(2, meeting.contactId()).setParameter(3, Timestamp.from(meeting.heldAt()))
                .getResultList();
    }

    /** "Lee Park", "Lee Park and Kim Lee", "Lee Park, Kim Lee, Ann Other and 2 others". */
    static String list(List<String> names) {
        List<String> shown = names.stream().limit(NAMES_TOLD).map(Names::display).toList();
        int others = names.size() - shown.size();
        if (others > 0) {
            return String.join(", ", shown) + " and " + others + (others == 1 ? " other" : " others");
        }
        if (shown.size() == 1) {
            return shown.get(0);
        }
        return String.join(", ", shown.subList(0, shown.size() - 1)) + " and " + shown.get(shown.size() - 1);
    }
}
