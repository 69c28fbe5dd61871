package dev.rapport.notifications.activity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * This service's view of reservations about contacts (contacts-service's): who holds it, its
 * concern, its status and when it was raised. The note, free text, is not kept. Only
 * reservations raised since this view exists are known.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ReservationActivity {

    /** ME: the owner's reservation about the contact; THEM: the contact's about the owner. */
    public enum Holder {
        ME, THEM
    }

    public enum Concern {
        COMPETENCE, CONSISTENCY, INTEGRITY, CONFIDENTIALITY, RELIABILITY, REACH, OTHER
    }

    public enum Status {
        OPEN, RESOLVED, CONFIRMED
    }

    private final EntityManager entityManager;

    ReservationActivity(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void raised(UUID ownerId, UUID reservationId, UUID contactId, Holder holder, Concern concern, Instant at) {
        entityManager.createNativeQuery("""
                insert into reservation_activity (reservation_id, owner_id, contact_id, holder, concern, status, raised_at)
                values (?1, ?2, ?3, ?4, ?5, 'OPEN', ?6)
                on conflict (reservation_id) do nothing""")
                .setParameter(1, reservationId).setParameter(2, ownerId).setParameter(3, contactId).setParameter(4, holder.name())
                .setParameter(5, concern.name()).setParameter(6, Timestamp.from(at))
                .executeUpdate();
    }

    /** The reservation was resolved or confirmed (a reservation not known here stays unknown). */
    public void settled(UUID ownerId, UUID reservationId, Status status) {
        entityManager.createNativeQuery("update reservation_activity set status = ?3 where owner_id = ?1 and reservation_id = ?2")
                .setParameter(1, ownerId).setParameter(2, reservationId).setParameter(3, status.name())
                .executeUpdate();
    }

    /** The ids of the owner's reservations about the contact. */
    @SuppressWarnings("unchecked")
    public List<UUID> aboutContact(UUID ownerId, UUID contactId) {
        return entityManager.createNativeQuery("select reservation_id from reservation_activity where owner_id = ?1 and contact_id = ?2")
                .setParameter(1, ownerId).setParameter(2, contactId).getResultList();
    }

    /** For an erasure: forgets the reservations about the person; answers their ids, whose notifications name them. */
    @SuppressWarnings("unchecked")
    public List<UUID> forgetContact(UUID ownerId, UUID contactId) {
        return entityManager.createNativeQuery("""
                delete from reservation_activity where owner_id = ?1 and contact_id = ?2 returning reservation_id""")
                .setParameter(1, ownerId).setParameter(2, contactId).getResultList();
    }
}
