package dev.rapport.notifications.activity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * This service's view of each one-to-one (meetings-service's meetings; an invitation is a
 * one-to-one that starts INVITED): its contact, stage and status, when it was arranged, invited
 * and held, and what a held one yielded (whether "who do you know?" was asked, how many names
 * were given); and the people named, as contacts-service connects them to the person met.
 * One owner's meeting events arrive in order, so each write sets what its event says.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OneToOneActivity {

    /** What a one-to-one is for, as meetings-service's events carry it. */
    public enum MeetingStage {
        DISCOVERY, REFERRAL_FIT, CHECK_IN
    }

    /** Where a one-to-one stands, as meetings-service's MeetingStatus. */
    public enum Status {
        INVITED, ACCEPTED, SCHEDULED, HELD, DECLINED, NO_RESPONSE, CANCELLED
    }

    private final EntityManager entityManager;

    OneToOneActivity(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The owner invited the contact at {@code at}. */
    public void invited(UUID ownerId, UUID meetingId, UUID contactId, MeetingStage stage, Instant at) {
        entityManager.createNativeQuery("""
                insert into one_to_one (meeting_id, owner_id, contact_id, stage, status, arranged_at, invited_at)
                values (?1, ?2, ?3, ?4, 'INVITED', ?5, ?5)
                on conflict (meeting_id) do update set status = 'INVITED', invited_at = excluded.invited_at,
                    arranged_at = least(one_to_one.arranged_at, excluded.arranged_at)""")
                .setParameter(1, meetingId).setParameter(2, ownerId).setParameter(3, contactId).setParameter(4, stage.name())
                .setParameter(5, Timestamp.from(at))
                .executeUpdate();
    }

    /**
     * The one-to-one moved to {@code status} at {@code at}: an invitation answered (ACCEPTED,
     * DECLINED, NO_RESPONSE), a meeting SCHEDULED or CANCELLED.
     */
    public void moved(UUID ownerId, UUID meetingId, UUID contactId, MeetingStage stage, Status status, Instant at) {
        entityManager.createNativeQuery("""
                insert into one_to_one (meeting_id, owner_id, contact_id, stage, status, arranged_at)
                values (?1, ?2, ?3, ?4, ?5, ?6)
                on conflict (meeting_id) do update set status = excluded.status""")
                .setParameter(1, meetingId).setParameter(2, ownerId).setParameter(3, contactId).setParameter(4, stage.name())
                .setParameter(5, status.name()).setParameter(6, Timestamp.from(at))
                .executeUpdate();
    }

    /** The one-to-one was held at {@code heldAt}, with what it yielded. */
    public void held(UUID ownerId, UUID meetingId, UUID contactId, MeetingStage stage, Instant heldAt, boolean askedWhoTheyKnow,
            int namesGiven) {
        entityManager.createNativeQuery("""
                insert into one_to_one (meeting_id, owner_id, contact_id, stage, status, arranged_at, held_at, asked_who_they_know,
                    names_given)
                values (?1, ?2, ?3, ?4, 'HELD', ?5, ?5, ?6, ?7)
                on conflict (meeting_id) do update set status = 'HELD', held_at = excluded.held_at,
                    asked_who_they_know = excluded.asked_who_they_know, names_given = excluded.names_given""")
                .setParameter(1, meetingId).setParameter(2, ownerId).setParameter(3, contactId).setParameter(4, stage.name())
                .setParameter(5, Timestamp.from(heldAt)).setParameter(6, askedWhoTheyKnow).setParameter(7, namesGiven)
                .executeUpdate();
    }

    /** contacts-service connected a person named in a one-to-one ({@code contactId}) to the person met ({@code introducerId}). */
    public void introduced(UUID ownerId, UUID introducerId, UUID contactId, Instant at) {
        entityManager.createNativeQuery("""
                insert into introduction (owner_id, introducer_id, contact_id, introduced_at) values (?1, ?2, ?3, ?4)
                on conflict (owner_id, introducer_id, contact_id) do nothing""")
                .setParameter(1, ownerId).setParameter(2, introducerId).setParameter(3, contactId).setParameter(4, Timestamp.from(at))
                .executeUpdate();
    }

    /** The ids of the owner's one-to-ones with the contact. */
    @SuppressWarnings("unchecked")
    public List<UUID> withContact(UUID ownerId, UUID contactId) {
        return entityManager.createNativeQuery("select meeting_id from one_to_one where owner_id = ?1 and contact_id = ?2")
                .setParameter(1, ownerId).setParameter(2, contactId).getResultList();
    }

    /** The ids of the one-to-ones held with people who named the contact: whether it was contacted decides about them. */
    @SuppressWarnings("unchecked")
    public List<UUID> namingContact(UUID ownerId, UUID contactId) {
        return entityManager.createNativeQuery("""
                select o.meeting_id from introduction i
                join one_to_one o on o.owner_id = i.owner_id and o.contact_id = i.introducer_id and o.status = 'HELD'
                where i.owner_id = ?1 and i.contact_id = ?2""")
                .setParameter(1, ownerId).setParameter(2, contactId).getResultList();
    }

    /**
     * For an erasure: forgets the person's one-to-ones and the introductions they made or were
     * named in; answers the ids of their one-to-ones, whose notifications name them. (Those of the
     * one-to-ones they were named in, {@link #namingContact}, are to be read before.)
     */
    @SuppressWarnings("unchecked")
    public List<UUID> forgetContact(UUID ownerId, UUID contactId) {
        entityManager.createNativeQuery("delete from introduction where owner_id = ?1 and (contact_id = ?2 or introducer_id = ?2)")
                .setParameter(1, ownerId).setParameter(2, contactId).executeUpdate();
        return entityManager.createNativeQuery("delete from one_to_one where owner_id = ?1 and contact_id = ?2 returning meeting_id")
                .setParameter(1, ownerId).setParameter(2, contactId).getResultList();
    }
}
