package dev.rapport.notifications.rules;

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
 * {@code meeting.no-response}: an invitation to a one-to-one still unanswered (INVITED: not
 * accepted, declined, marked unanswered or cancelled) {@code after} it was sent. Resolved by
 * any of those, or the contact deleted.
 */
@ApplicationScoped
public class MeetingNoResponse implements Rule<MeetingNoResponse.Settings> {

    @Schema(name = "MeetingNoResponseSettings")
    public record Settings(
            @NotNull Boolean enabled,
            @NotNull @Pattern(regexp = SettingsDurations.PATTERN, message = SettingsDurations.MESSAGE)
            @Schema(description = "How long an invitation to a one-to-one may go unanswered", examples = "P7D") String after)
            implements Rule.Settings {
    }

    private final EntityManager entityManager;
    private final RulesConfig config;

    MeetingNoResponse(EntityManager entityManager, RulesConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    @Override
    public RuleName name() {
        return RuleName.MEETING_NO_RESPONSE;
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
        return new Settings(config.noResponse().enabled(), IsoDurations.format(config.noResponse().after()));
    }

    @Override
    public List<Problem.FieldError> check(Settings settings) {
        List<Problem.FieldError> errors = new ArrayList<>();
        SettingsDurations.within("after", settings.after(), errors);
        return errors;
    }

    /** {@code invitedAt} null: a one-to-one arranged without an invitation. */
    record Invitation(String contactName, boolean contactDeleted, MeetingStage stage, Status status, Instant invitedAt) {
    }

    @Override
    public Verdict evaluate(UUID ownerId, UUID meetingId, Settings settings, Instant now) {
        Invitation invitation = find(ownerId, meetingId);
        if (invitation == null || invitation.contactDeleted() || invitation.status() != Status.INVITED || invitation.invitedAt() == null) {
            return Verdict.NOTHING;
        }
        Instant dueAt = invitation.invitedAt().plus(SettingsDurations.of(settings.after()));
        if (dueAt.isAfter(now)) {
            return Verdict.clear(dueAt);
        }
        String name = Names.display(invitation.contactName());
        return Verdict.holds(Threshold.DUE, new NotificationContent(name,
                "No answer from " + name,
                "You invited " + name + " to " + describe(invitation.stage()) + " "
                        + SettingsDurations.describeDays(Duration.between(invitation.invitedAt(), now))
                        + " ago and have had no answer. Follow up with a call or a message, or mark the invitation unanswered.",
                "/one-to-ones/" + meetingId), null);
    }

    private Invitation find(UUID ownerId, UUID meetingId) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                select c.name, coalesce(c.deleted, false) as deleted, o.stage, o.status, o.invited_at
                from one_to_one o left join contact_activity c on c.contact_id = o.contact_id and c.owner_id = o.owner_id
                where o.owner_id = ?1 and o.meeting_id = ?2""", Tuple.class)
                .setParameter(1, ownerId).setParameter(2, meetingId).getResultList();
        return rows.stream().findFirst().map(row -> new Invitation(row.get("name", String.class), row.get("deleted", Boolean.class),
                MeetingStage.valueOf(row.get("stage", String.class)), Status.valueOf(row.get("status", String.class)),
                SqlTimes.instant(row.get("invited_at")))).orElse(null);
    }

    private static String describe(MeetingStage stage) {
        return switch (stage) {
            case DISCOVERY -> "a discovery one-to-one";
            case REFERRAL_FIT -> "a referral-fit one-to-one";
            case CHECK_IN -> "a check-in";
        };
    }
}
