package dev.rapport.notifications.activity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;

import dev.rapport.platform.time.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * This service's view of each referral: its direction, partner, the person referred, its
 * status, when it was won (and for how much) and when its giver was thanked. Only referrals
 * whose events arrived since this view exists are known.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ReferralActivity {

    public enum Direction {
        GIVEN, RECEIVED
    }

    public enum Status {
        OPEN, CONTACTED, MEETING, WON, LOST, DECLINED
    }

    /** A referral as the rules read it; {@code value} like "EUR 1200.50", null when not known. */
    public record Referral(UUID referralId, UUID partnerId, String partnerName, boolean partnerDeleted, Direction direction,
            String referredName, Status status, Instant occurredAt, String value, Instant thankedAt) {
    }

    private final EntityManager entityManager;

    ReferralActivity(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A referral given or received at {@code at}. */
    public void recorded(UUID ownerId, UUID referralId, UUID partnerId, Direction direction, String referredName, Instant at) {
        entityManager.createNativeQuery("""
                insert into referral_activity (referral_id, owner_id, partner_id, direction, referred_name, status, occurred_at)
                values (?1, ?2, ?3, ?4, ?5, 'OPEN', ?6)
                on conflict (referral_id) do update set referred_name = excluded.referred_name, occurred_at = excluded.occurred_at""")
                .setParameter(1, referralId).setParameter(2, ownerId).setParameter(3, partnerId).setParameter(4, direction.name())
                .setParameter(5, referredName).setParameter(6, Timestamp.from(at))
                .executeUpdate();
    }

    /** The referral moved to {@code to} (forward, or back for a correction, which forgets a win). */
    public void statusChanged(UUID ownerId, UUID referralId, UUID partnerId, Direction direction, Status to, Instant at) {
        entityManager.createNativeQuery("""
                insert into referral_activity (referral_id, owner_id, partner_id, direction, referred_name, status, occurred_at)
                values (?1, ?2, ?3, ?4, '', ?5, ?6)
                on conflict (referral_id) do update set status = excluded.status,
                    value_amount = case when excluded.status = 'WON' then referral_activity.value_amount end,
                    value_currency = case when excluded.status = 'WON' then referral_activity.value_currency end""")
                .setParameter(1, referralId).setParameter(2, ownerId).setParameter(3, partnerId).setParameter(4, direction.name())
                .setParameter(5, to.name()).setParameter(6, Timestamp.from(at))
                .executeUpdate();
    }

    /** Business came of the referral, worth {@code amount} {@code currency}. */
    public void won(UUID ownerId, UUID referralId, UUID partnerId, Direction direction, String amount, String currency, Instant at) {
        entityManager.createNativeQuery("""
                insert into referral_activity (referral_id, owner_id, partner_id, direction, referred_name, status, occurred_at,
                    value_amount, value_currency)
                values (?1, ?2, ?3, ?4, '', 'WON', ?5, ?6, ?7)
                on conflict (referral_id) do update set status = 'WON', value_amount = excluded.value_amount,
                    value_currency = excluded.value_currency""")
                .setParameter(1, referralId).setParameter(2, ownerId).setParameter(3, partnerId).setParameter(4, direction.name())
                .setParameter(5, Timestamp.from(at))
                .setParameter(6, new TypedParameterValue<>(StandardBasicTypes.STRING, amount))
                .setParameter(7, new TypedParameterValue<>(StandardBasicTypes.STRING, currency))
                .executeUpdate();
    }

    /** The owner thanked the partner who gave them the referral. */
    public void thanked(UUID ownerId, UUID referralId, UUID partnerId, Instant at) {
        entityManager.createNativeQuery("""
                insert into referral_activity (referral_id, owner_id, partner_id, direction, referred_name, status, occurred_at, thanked_at)
                values (?1, ?2, ?3, 'RECEIVED', '', 'WON', ?4, ?4)
                on conflict (referral_id) do update set thanked_at = excluded.thanked_at""")
                .setParameter(1, referralId).setParameter(2, ownerId).setParameter(3, partnerId).setParameter(4, Timestamp.from(at))
                .executeUpdate();
    }

    /** The ids of the owner's referrals with a partner (whose notifications name the partner). */
    @SuppressWarnings("unchecked")
    public List<UUID> withPartner(UUID ownerId, UUID partnerId) {
        return entityManager.createNativeQuery("select referral_id from referral_activity where owner_id = ?1 and partner_id = ?2")
                .setParameter(1, ownerId).setParameter(2, partnerId).getResultList();
    }

    /**
     * For an erasure: the owner's referrals about the person named {@code name} lose the name
     * (their events carry the name, not the person's contact id); answers their ids, whose
     * notifications name the person too.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> forgetReferred(UUID ownerId, String name) {
        return entityManager.createNativeQuery("""
                update referral_activity set referred_name = '' where owner_id = ?1 and referred_name = ?2
                returning referral_id""")
                .setParameter(1, ownerId).setParameter(2, name).getResultList();
    }

    public Optional<Referral> find(UUID ownerId, UUID referralId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select r.partner_id, a.name, coalesce(a.deleted, false), r.direction, r.referred_name, r.status, r.occurred_at,
                    r.value_currency || ' ' || r.value_amount, r.thanked_at
                from referral_activity r left join contact_activity a on a.contact_id = r.partner_id
                where r.referral_id = ?1 and r.owner_id = ?2""")
                .setParameter(1, referralId).setParameter(2, ownerId).getResultList();
        return rows.stream().findFirst().map(row -> new Referral(referralId, (UUID) row[0], (String) row[1], (Boolean) row[2],
                Direction.valueOf((String) row[3]), (String) row[4], Status.valueOf((String) row[5]), SqlTimes.instant(row[6]),
                (String) row[7], row[8] == null ? null : SqlTimes.instant(row[8])));
    }
}
