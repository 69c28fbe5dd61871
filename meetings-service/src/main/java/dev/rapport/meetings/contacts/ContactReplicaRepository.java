package dev.rapport.meetings.contacts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ContactReplicaRepository implements PanacheRepositoryBase<ContactReplica, UUID> {

    /** Whether the contact exists, is not deleted and belongs to the owner. */
    public boolean isKnown(UUID ownerId, UUID contactId) {
        return count("contactId = ?1 and ownerId = ?2 and deleted = false", contactId, ownerId) > 0;
    }

    /**
     * Adds or renames a contact. An event older than the one last applied changes nothing: a
     * record replayed from the dead-letter topic must not undo a later change or a deletion.
     */
    public void upsert(UUID ownerId, UUID contactId, String name, Instant eventTime) {
        getEntityManager().createNativeQuery("""
                insert into contact_replica (contact_id, owner_id, name, updated_at) values (?1, ?2, ?3, ?4)
                on conflict (contact_id) do update set name = excluded.name, updated_at = excluded.updated_at
                where contact_replica.updated_at is null or contact_replica.updated_at <= excluded.updated_at""")
                .setParameter(1, contactId)
                .setParameter(2, ownerId)
                .setParameter(3, name)
                .setParameter(4, Timestamp.from(eventTime))
                .executeUpdate();
    }

    /** Marks a contact deleted; the row stays, so that an older event cannot bring it back. */
    public void markDeleted(UUID contactId, Instant eventTime) {
        getEntityManager().createNativeQuery("""
                update contact_replica set deleted = true, updated_at = ?2
                where contact_id = ?1 and (updated_at is null or updated_at <= ?2)""")
                .setParameter(1, contactId)
                .setParameter(2, Timestamp.from(eventTime))
                .executeUpdate();
    }
}
