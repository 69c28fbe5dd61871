package dev.rapport.meetings.contacts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The contact replica. Rows are only ever changed for the owner the event names: an event about
 * another owner's contact changes nothing. A deleted contact stays as a tombstone, which no later
 * or replayed event brings back.
 */
@ApplicationScoped
public class ContactReplicaRepository implements PanacheRepositoryBase<ContactReplica, UUID> {

    /** The name a tombstone has when the deletion is the first the replica hears of the contact. */
    static final String UNKNOWN_NAME = "";

    /** Whether the contact exists, is not deleted and belongs to the owner. */
    public boolean isKnown(UUID ownerId, UUID contactId) {
        return count("contactId = ?1 and ownerId = ?2 and deleted = false", contactId, ownerId) > 0;
    }

    /**
     * Adds or renames a contact. An event older than the one last applied changes nothing: a
     * record replayed from the dead-letter topic must not undo a later change. A tombstone stays
     * deleted whatever the event's time.
     *
     * @return the number of rows changed: 0 if the event was older, or the contact is another owner's
     */
    public int upsert(UUID ownerId, UUID contactId, String name, Instant eventTime) {
        return getEntityManager().createNativeQuery("""
                insert into contact_replica (contact_id, owner_id, name, deleted, updated_at) values (?1, ?2, ?3, false, ?4)
                on conflict (contact_id) do update set name = excluded.name, updated_at = excluded.updated_at
                where contact_replica.owner_id = excluded.owner_id
                  and (contact_replica.updated_at is null or contact_replica.updated_at <= excluded.updated_at)""")
                .setParameter(1, contactId)
                .setParameter(2, ownerId)
                .setParameter(3, name)
                .setParameter(4, Timestamp.from(eventTime))
                .executeUpdate();
    }

    /**
     * Marks a contact deleted, whatever the order its events arrive in: a contact the replica does
     * not know yet gets a tombstone, so that its created event, arriving later, cannot add it.
     * A deletion is final, so an older one is applied too; the row keeps the latest event time.
     *
     * @return the number of rows changed: 0 if the contact is another owner's
     */
    public int markDeleted(UUID ownerId, UUID contactId, Instant eventTime) {
        return getEntityManager().createNativeQuery("""
                insert into contact_replica (contact_id, owner_id, name, deleted, updated_at) values (?1, ?2, ?3, true, ?4)
                on conflict (contact_id) do update set deleted = true,
                    updated_at = greatest(contact_replica.updated_at, excluded.updated_at)
                where contact_replica.owner_id = excluded.owner_id""")
                .setParameter(1, contactId)
                .setParameter(2, ownerId)
                .setParameter(3, UNKNOWN_NAME)
                .setParameter(4, Timestamp.from(eventTime))
                .executeUpdate();
    }

    /**
     * Erases what the replica knows of the person: a nameless tombstone, which no later or
     * replayed event brings back.
     *
     * @return the number of rows changed: 0 if the contact is another owner's
     */
    public int erase(UUID ownerId, UUID contactId, Instant eventTime) {
        markDeleted(ownerId, contactId, eventTime);
        return getEntityManager().createNativeQuery("update contact_replica set name = ?3 where contact_id = ?1 and owner_id = ?2")
                .setParameter(1, contactId).setParameter(2, ownerId).setParameter(3, UNKNOWN_NAME)
                .executeUpdate();
    }
}
