package dev.rapport.notifications.activity;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * This service's view of other services' facts: each contact with its stage and the time of the
 * last interaction (meeting held, touchpoint logged, referral given or received), and each
 * partner's referral ledger. Events
 * from different topics can arrive in any order, so every write is an upsert that only moves
 * times forward.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ActivityProjection {

    private final EntityManager entityManager;

    ActivityProjection(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** {@code stayInTouch}: the contact's own cadence, null for the owner's default; {@code stage} null: PROSPECT. */
    public void contactAdded(UUID ownerId, UUID contactId, String name, Instant addedAt, Duration stayInTouch, Stage stage) {
        entityManager.createNativeQuery("""
                insert into contact_activity (contact_id, owner_id, name, added_at, stay_in_touch_seconds, stage)
                values (?1, ?2, ?3, ?4, ?5, coalesce(?6, 'PROSPECT'))
                on conflict (contact_id) do update set name = excluded.name,
                    added_at = least(contact_activity.added_at, excluded.added_at),
                    stay_in_touch_seconds = excluded.stay_in_touch_seconds,
                    stage = coalesce(?6, contact_activity.stage)""")
                .setParameter(1, contactId).setParameter(2, ownerId).setParameter(3, name)
                .setParameter(4, Timestamp.from(addedAt)).setParameter(5, seconds(stayInTouch)).setParameter(6, text(stage))
                .executeUpdate();
    }

    /** The contact's profile changed: its name, its own cadence (null for the owner's default) and its stage (null: unchanged). */
    public void contactChanged(UUID ownerId, UUID contactId, String name, Instant at, Duration stayInTouch, Stage stage) {
        entityManager.createNativeQuery("""
                insert into contact_activity (contact_id, owner_id, name, added_at, stay_in_touch_seconds, stage)
                values (?1, ?2, ?3, ?4, ?5, coalesce(?6, 'PROSPECT'))
                on conflict (contact_id) do update set name = excluded.name,
                    stay_in_touch_seconds = excluded.stay_in_touch_seconds,
                    stage = coalesce(?6, contact_activity.stage)""")
                .setParameter(1, contactId).setParameter(2, ownerId).setParameter(3, name)
                .setParameter(4, Timestamp.from(at)).setParameter(5, seconds(stayInTouch)).setParameter(6, text(stage))
                .executeUpdate();
    }

    /** The contact moved to another relationship stage. */
    public void stageChanged(UUID ownerId, UUID contactId, Stage stage, Instant at) {
        entityManager.createNativeQuery("""
                insert into contact_activity (contact_id, owner_id, name, added_at, stage) values (?1, ?2, '', ?3, ?4)
                on conflict (contact_id) do update set stage = excluded.stage""")
                .setParameter(1, contactId).setParameter(2, ownerId).setParameter(3, Timestamp.from(at)).setParameter(4, stage.name())
                .executeUpdate();
    }

    private static TypedParameterValue<String> text(Stage stage) {
        return new TypedParameterValue<>(StandardBasicTypes.STRING, stage == null ? null : stage.name());
    }

    /** Typed, so that a null binds as a bigint too. */
    private static TypedParameterValue<Long> seconds(Duration duration) {
        return new TypedParameterValue<>(StandardBasicTypes.LONG, duration == null ? null : duration.toSeconds());
    }

    /** The right to be forgotten: the row stays as a nameless tombstone, so no late event brings the person back. */
    /** Forgets the erased contact's name; answers the name it had, if the projection knew it. */
    @SuppressWarnings("unchecked")
    public Optional<String> contactErased(UUID ownerId, UUID contactId) {
        List<String> names = entityManager.createNativeQuery("""
                update contact_activity a set name = '', deleted = true
                from (select contact_id, name from contact_activity where contact_id = ?1 and owner_id = ?2 for update) before
                where a.contact_id = before.contact_id
                returning before.name""")
                .setParameter(1, contactId).setParameter(2, ownerId)
                .getResultList();
        return names.stream().filter(name -> name != null && !name.isBlank()).findFirst();
    }

    /** A deleted contact is neither stalled nor owes referrals any more. */
    public void contactDeleted(UUID contactId) {
        entityManager.createNativeQuery("update contact_activity set deleted = true where contact_id = ?1")
                .setParameter(1, contactId)
                .executeUpdate();
    }

    /** A meeting held, a touchpoint logged, or a referral given to or received from the contact at {@code at}. */
    public void interacted(UUID ownerId, UUID contactId, Instant at) {
        entityManager.createNativeQuery("""
                insert into contact_activity (contact_id, owner_id, name, added_at, last_interaction_at)
                values (?1, ?2, '', ?3, ?3)
                on conflict (contact_id) do update set last_interaction_at =
                    greatest(contact_activity.last_interaction_at, excluded.last_interaction_at)""")
                .setParameter(1, contactId).setParameter(2, ownerId).setParameter(3, Timestamp.from(at))
                .executeUpdate();
    }

    /** A referral given at {@code at} is unreturned unless one was received from the partner since. */
    public void referralGiven(UUID ownerId, UUID partnerId, Instant at) {
        entityManager.createNativeQuery("""
                insert into partner_ledger (owner_id, partner_id, given_count, unreturned_given_at, last_given_at)
                values (?1, ?2, 1, array[cast(?3 as timestamptz)], ?3)
                on conflict (owner_id, partner_id) do update set
                    given_count = partner_ledger.given_count + 1,
                    unreturned_given_at = case
                        when partner_ledger.last_received_at is null or excluded.last_given_at > partner_ledger.last_received_at
                        then partner_ledger.unreturned_given_at || excluded.last_given_at
                        else partner_ledger.unreturned_given_at end,
                    last_given_at = greatest(partner_ledger.last_given_at, excluded.last_given_at)""")
                .setParameter(1, ownerId).setParameter(2, partnerId).setParameter(3, Timestamp.from(at))
                .executeUpdate();
    }

    /** A referral received back at {@code at} returns every referral given at or before it. */
    public void referralReceived(UUID ownerId, UUID partnerId, Instant at) {
        entityManager.createNativeQuery("""
                insert into partner_ledger (owner_id, partner_id, received_count, last_received_at)
                values (?1, ?2, 1, ?3)
                on conflict (owner_id, partner_id) do update set
                    received_count = partner_ledger.received_count + 1,
                    unreturned_given_at = array(select given from unnest(partner_ledger.unreturned_given_at) given
                                                where given > excluded.last_received_at order by given),
                    last_received_at = greatest(partner_ledger.last_received_at, excluded.last_received_at)""")
                .setParameter(1, ownerId).setParameter(2, partnerId).setParameter(3, Timestamp.from(at))
                .executeUpdate();
    }
}
