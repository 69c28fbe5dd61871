package dev.rapport.notifications.activity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * This service's view of the owner's networking events (meetings-service's): each event's name
 * and times, and which contacts were met there. One owner's events arrive in order (an event is
 * recorded before its attendees), and only events recorded since this view exists are known.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class NetworkingActivity {

    private final EntityManager entityManager;

    NetworkingActivity(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The event was recorded or changed. */
    public void eventRecorded(UUID ownerId, UUID eventId, String name, Instant startsAt, Instant endsAt) {
        entityManager.createNativeQuery("""
                insert into networking_event (event_id, owner_id, name, starts_at, ends_at) values (?1, ?2, ?3, ?4, ?5)
                on conflict (event_id) do update set name = excluded.name, starts_at = excluded.starts_at, ends_at = excluded.ends_at""")
                .setParameter(1, eventId).setParameter(2, ownerId).setParameter(3, name)
                .setParameter(4, Timestamp.from(startsAt)).setParameter(5, Timestamp.from(endsAt))
                .executeUpdate();
    }

    /** The event and the record of who was met there were deleted; answers the contacts met there. */
    @SuppressWarnings("unchecked")
    public List<UUID> eventDeleted(UUID ownerId, UUID eventId) {
        entityManager.createNativeQuery("delete from networking_event where owner_id = ?1 and event_id = ?2")
                .setParameter(1, ownerId).setParameter(2, eventId).executeUpdate();
        return entityManager.createNativeQuery("delete from event_attendee where owner_id = ?1 and event_id = ?2 returning contact_id")
                .setParameter(1, ownerId).setParameter(2, eventId).getResultList();
    }

    /** The contacts recorded as met at the event. */
    @SuppressWarnings("unchecked")
    public List<UUID> attendees(UUID ownerId, UUID eventId) {
        return entityManager.createNativeQuery("select contact_id from event_attendee where owner_id = ?1 and event_id = ?2")
                .setParameter(1, ownerId).setParameter(2, eventId).getResultList();
    }

    public void attendeeAdded(UUID ownerId, UUID eventId, UUID contactId) {
        entityManager.createNativeQuery("""
                insert into event_attendee (owner_id, event_id, contact_id) values (?1, ?2, ?3)
                on conflict (owner_id, event_id, contact_id) do nothing""")
                .setParameter(1, ownerId).setParameter(2, eventId).setParameter(3, contactId)
                .executeUpdate();
    }

    public void attendeeRemoved(UUID ownerId, UUID eventId, UUID contactId) {
        entityManager.createNativeQuery("delete from event_attendee where owner_id = ?1 and event_id = ?2 and contact_id = ?3")
                .setParameter(1, ownerId).setParameter(2, eventId).setParameter(3, contactId)
                .executeUpdate();
    }

    /** For an erasure: forgets where the person was met. */
    public void forgetContact(UUID ownerId, UUID contactId) {
        entityManager.createNativeQuery("delete from event_attendee where owner_id = ?1 and contact_id = ?2")
                .setParameter(1, ownerId).setParameter(2, contactId)
                .executeUpdate();
    }
}
