package dev.rapport.notifications.rules;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.rapport.notifications.notification.Notifications;
import dev.rapport.notifications.settings.RuleSettings;
import dev.rapport.notifications.settings.RuleSettingsRepository;
import dev.rapport.platform.time.SqlTimes;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The rules {@code referral.unreturned} and {@code relationship.stalled}. Each projection row
 * carries the time its rule fires next ({@code *_due_at}); an arriving event reschedules and
 * reviews the one row it touched, and the sweep reads only rows that are due, through a partial
 * index, so its cost grows with what is due rather than with all contacts. A fired row's due
 * time is cleared until an event or a settings change schedules it again.
 */
@ApplicationScoped
public class Rules {

    public static final String UNRETURNED = "referral.unreturned";
    public static final String STALLED = "relationship.stalled";
    private static final int SWEEP_BATCH = 200;

    private final EntityManager entityManager;
    private final RuleSettingsRepository settings;
    private final Notifications notifications;
    private final Clock clock;

    Rules(EntityManager entityManager, RuleSettingsRepository settings, Notifications notifications, Clock clock) {
        this.entityManager = entityManager;
        this.settings = settings;
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * After an event about a contact: resolves its open relationship.stalled if the contact is
     * no longer stalled (a recent enough interaction), reschedules the rule and fires it if due.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reviewContact(UUID ownerId, UUID contactId) {
        RuleSettings current = settings.forOwner(ownerId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select coalesce(last_interaction_at, added_at), deleted, stay_in_touch_seconds from contact_activity where contact_id = ?1""")
                .setParameter(1, contactId).getResultList();
        boolean stalled = !rows.isEmpty() && current.stalledEnabled && !(Boolean) rows.get(0)[1]
                && !SqlTimes.instant(rows.get(0)[0]).plus(cadence(current, rows.get(0)[2])).isAfter(clock.instant());
        if (!stalled) {
            notifications.resolve(ownerId, STALLED, contactId);
        }
        scheduleStalled(current, "contact_id = ?3", contactId);
        fireStalled("contact_id = ?2 and stall_due_at <= ?1", contactId, 1);
    }

    /**
     * After an event about a partner's referrals: resolves its open referral.unreturned if the
     * condition no longer holds (referrals received back), reschedules the rule and fires it if due.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reviewPartner(UUID ownerId, UUID partnerId) {
        RuleSettings current = settings.forOwner(ownerId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select cardinality(unreturned_given_at), (select min(g) from unnest(unreturned_given_at) g)
                from partner_ledger where owner_id = ?1 and partner_id = ?2""")
                .setParameter(1, ownerId).setParameter(2, partnerId).getResultList();
        boolean unreturned = !rows.isEmpty() && current.unreturnedEnabled
                && ((Number) rows.get(0)[0]).intValue() >= current.unreturnedMinCount
                && !SqlTimes.instant(rows.get(0)[1]).plus(current.unreturnedAfter()).isAfter(clock.instant());
        if (!unreturned) {
            notifications.resolve(ownerId, UNRETURNED, partnerId);
        }
        scheduleUnreturned(current, "owner_id = ?4 and partner_id = ?5", ownerId, partnerId);
        fireUnreturned("p.owner_id = ?2 and p.partner_id = ?3 and p.unreturned_due_at <= ?1", List.of(ownerId, partnerId), 1);
    }

    /**
     * Reschedules every rule of an owner after their settings changed. What is due fires at the
     * next sweep, in batches, rather than all at once inside the settings request.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reviewOwner(UUID ownerId) {
        RuleSettings current = settings.forOwner(ownerId);
        scheduleStalled(current, "owner_id = ?3", ownerId);
        scheduleUnreturned(current, "owner_id = ?4", ownerId, null);
    }

    @Scheduled(every = "${rapport.rules.sweep-interval}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledSweep() {
        int fired = sweep();
        if (fired > 0) {
            Log.debugf("Rules sweep fired %d rule(s)", fired);
        }
    }

    /**
     * Fires every rule that has come due, in batches of rows locked with SKIP LOCKED, so that
     * several instances can sweep at once without firing anything twice.
     *
     * @return how many rows fired
     */
    public int sweep() {
        int total = 0;
        int fired;
        do {
            fired = QuarkusTransaction.requiringNew().call(() -> fireStalled("stall_due_at <= ?1", null, SWEEP_BATCH));
            total += fired;
        } while (fired == SWEEP_BATCH);
        do {
            fired = QuarkusTransaction.requiringNew().call(() -> fireUnreturned("p.unreturned_due_at <= ?1", List.of(), SWEEP_BATCH));
            total += fired;
        } while (fired == SWEEP_BATCH);
        return total;
    }

    /** The contact's own cadence if it has one, else the owner's. */
    private static Duration cadence(RuleSettings current, Object contactSeconds) {
        return contactSeconds == null ? current.stalledCadence() : Duration.ofSeconds(((Number) contactSeconds).longValue());
    }

    private void scheduleStalled(RuleSettings current, String where, UUID key) {
        entityManager.createNativeQuery("""
                update contact_activity a set stall_due_at = case when ?1 and not a.deleted
                    then coalesce(a.last_interaction_at, a.added_at) + make_interval(secs => coalesce(a.stay_in_touch_seconds, ?2)) end
                where %s and not exists (select 1 from notification n where n.owner_id = a.owner_id
                    and n.rule = 'relationship.stalled' and n.subject_id = a.contact_id and n.status = 'OPEN')"""
                .formatted(where))
                .setParameter(1, current.stalledEnabled)
                .setParameter(2, (double) current.stalledCadenceSeconds)
                .setParameter(3, key)
                .executeUpdate();
    }

    private void scheduleUnreturned(RuleSettings current, String where, UUID ownerId, UUID partnerId) {
        var update = entityManager.createNativeQuery("""
                update partner_ledger p set unreturned_due_at = case when ?1 and cardinality(p.unreturned_given_at) >= ?2
                    and not exists (select 1 from contact_activity a where a.contact_id = p.partner_id and a.deleted)
                    then (select min(g) from unnest(p.unreturned_given_at) g) + make_interval(secs => ?3) end
                where %s and not exists (select 1 from notification n where n.owner_id = p.owner_id
                    and n.rule = 'referral.unreturned' and n.subject_id = p.partner_id and n.status = 'OPEN')"""
                .formatted(where))
                .setParameter(1, current.unreturnedEnabled)
                .setParameter(2, current.unreturnedMinCount)
                .setParameter(3, (double) current.unreturnedAfterSeconds)
                .setParameter(4, ownerId);
        if (partnerId != null) {
            update.setParameter(5, partnerId);
        }
        update.executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private int fireStalled(String where, UUID key, int limit) {
        Instant now = clock.instant();
        var query = entityManager.createNativeQuery("""
                select contact_id, owner_id, name, coalesce(last_interaction_at, added_at) from contact_activity
                where %s order by stall_due_at limit %d for update skip locked""".formatted(where, limit))
                .setParameter(1, Timestamp.from(now));
        if (key != null) {
            query.setParameter(2, key);
        }
        List<Object[]> due = query.getResultList();
        for (Object[] row : due) {
            UUID contactId = (UUID) row[0];
            String name = displayName((String) row[2]);
            long days = Duration.between(SqlTimes.instant(row[3]), now).toDays();
            notifications.open((UUID) row[1], STALLED, contactId, name,
                    "Stalled relationship: " + name,
                    "No meeting or touchpoint with " + name + " for " + describe(days) + ". Time to get back in touch.");
            entityManager.createNativeQuery("update contact_activity set stall_due_at = null where contact_id = ?1")
                    .setParameter(1, contactId).executeUpdate();
        }
        return due.size();
    }

    @SuppressWarnings("unchecked")
    private int fireUnreturned(String where, List<UUID> keys, int limit) {
        Instant now = clock.instant();
        var query = entityManager.createNativeQuery("""
                select p.owner_id, p.partner_id, a.name, cardinality(p.unreturned_given_at),
                    (select min(g) from unnest(p.unreturned_given_at) g)
                from partner_ledger p left join contact_activity a on a.contact_id = p.partner_id
                where %s order by p.unreturned_due_at limit %d for update of p skip locked""".formatted(where, limit))
                .setParameter(1, Timestamp.from(now));
        for (int i = 0; i < keys.size(); i++) {
            query.setParameter(i + 2, keys.get(i));
        }
        List<Object[]> due = query.getResultList();
        for (Object[] row : due) {
            UUID ownerId = (UUID) row[0];
            UUID partnerId = (UUID) row[1];
            String name = displayName((String) row[2]);
            int count = ((Number) row[3]).intValue();
            long days = Duration.between(SqlTimes.instant(row[4]), now).toDays();
            notifications.open(ownerId, UNRETURNED, partnerId, name,
                    "Unreturned referrals: " + name,
                    "You have given " + name + " " + count + " referral" + (count == 1 ? "" : "s")
                            + " and received none back; the oldest is " + describe(days) + " old. Time for a candid conversation.");
            entityManager.createNativeQuery("update partner_ledger set unreturned_due_at = null where owner_id = ?1 and partner_id = ?2")
                    .setParameter(1, ownerId).setParameter(2, partnerId).executeUpdate();
        }
        return due.size();
    }

    private static String displayName(String name) {
        return name == null || name.isBlank() ? "a contact" : name;
    }

    private static String describe(long days) {
        return days < 1 ? "less than a day" : days == 1 ? "1 day" : days + " days";
    }
}
