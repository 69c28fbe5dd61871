package dev.rapport.notifications.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.notifications.activity.ReservationActivity.Concern;
import dev.rapport.notifications.activity.ReservationActivity.Holder;
import dev.rapport.notifications.activity.ReservationActivity.Status;
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
 * {@code reservation.unresolved}: a reservation about a contact still OPEN {@code after} it was
 * raised, while the contact is QUALIFYING (the referral fit being checked: the time to settle
 * doubts). Resolved by resolving or confirming it, the contact leaving QUALIFYING, or the
 * contact deleted.
 */
@ApplicationScoped
public class ReservationUnresolved implements Rule<ReservationUnresolved.Settings> {

    @Schema(name = "ReservationUnresolvedSettings")
    public record Settings(
            @NotNull Boolean enabled,
            @NotNull @Pattern(regexp = SettingsDurations.PATTERN, message = SettingsDurations.MESSAGE)
            @Schema(description = "How long a reservation may stay open while the contact is QUALIFYING", examples = "P21D") String after)
            implements Rule.Settings {
    }

    private final EntityManager entityManager;
    private final RulesConfig config;

    ReservationUnresolved(EntityManager entityManager, RulesConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    @Override
    public RuleName name() {
        return RuleName.RESERVATION_UNRESOLVED;
    }

    @Override
    public SubjectKind watches() {
        return SubjectKind.RESERVATION;
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public Settings defaults() {
        return new Settings(config.unresolved().enabled(), IsoDurations.format(config.unresolved().after()));
    }

    @Override
    public List<Problem.FieldError> check(Settings settings) {
        List<Problem.FieldError> errors = new ArrayList<>();
        SettingsDurations.within("after", settings.after(), errors);
        return errors;
    }

    record Reservation(UUID contactId, String contactName, boolean contactDeleted, Stage contactStage, Holder holder, Concern concern,
            Status status, Instant raisedAt) {
    }

    @Override
    public Verdict evaluate(UUID ownerId, UUID reservationId, Settings settings, Instant now) {
        Reservation reservation = find(ownerId, reservationId);
        if (reservation == null || reservation.contactDeleted() || reservation.status() != Status.OPEN
                || reservation.contactStage() != Stage.QUALIFYING) {
            return Verdict.NOTHING;
        }
        Instant dueAt = reservation.raisedAt().plus(SettingsDurations.of(settings.after()));
        if (dueAt.isAfter(now)) {
            return Verdict.clear(dueAt);
        }
        String name = Names.display(reservation.contactName());
        String open = SettingsDurations.describeDays(Duration.between(reservation.raisedAt(), now));
        String said = reservation.holder() == Holder.ME
                ? "Your reservation about " + about(reservation.concern(), name, name + "'s") + " has been open for " + open
                        + " while you weigh them up as a referral partner. Talk it through with " + name + ", then resolve or confirm it."
                : name + "'s reservation about " + about(reservation.concern(), "you", "your") + " has been open for " + open
                        + " while you weigh each other up as referral partners. Address it with " + name + ", then resolve or confirm it.";
        return Verdict.holds(Threshold.DUE, new NotificationContent(name, "Unresolved reservation: " + name, said,
                "/contacts/" + reservation.contactId() + "/reservations/" + reservationId), null);
    }

    private Reservation find(UUID ownerId, UUID reservationId) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                select r.contact_id, c.name, coalesce(c.deleted, false) as deleted, coalesce(c.stage, 'PROSPECT') as stage,
                    r.holder, r.concern, r.status, r.raised_at
                from reservation_activity r left join contact_activity c on c.contact_id = r.contact_id and c.owner_id = r.owner_id
                where r.owner_id = ?1 and r.reservation_id = ?2""", Tuple.class)
                .setParameter(1, ownerId).setParameter(2, reservationId).getResultList();
        return rows.stream().findFirst().map(row -> new Reservation(row.get("contact_id", UUID.class), row.get("name", String.class),
                row.get("deleted", Boolean.class), Stage.valueOf(row.get("stage", String.class)),
                Holder.valueOf(row.get("holder", String.class)), Concern.valueOf(row.get("concern", String.class)),
                Status.valueOf(row.get("status", String.class)), SqlTimes.instant(row.get("raised_at")))).orElse(null);
    }

    /** What the reservation is about: "Sam Carter's reach" or "your reach"; only "Sam Carter" or "you" for OTHER. */
    private static String about(Concern concern, String who, String whose) {
        return concern == Concern.OTHER ? who : whose + " " + concern.name().toLowerCase(Locale.ROOT);
    }
}
