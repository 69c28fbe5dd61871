package dev.rapport.referrals.contacts;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ContactReplicaRepository implements PanacheRepositoryBase<ContactReplica, UUID> {

    /** Whether the contact is the owner's and not deleted. */
    public boolean isKnown(UUID ownerId, UUID contactId) {
        return count("contactId = :id and ownerId = :owner and deleted = false",
                Parameters.with("id", contactId).and("owner", ownerId)) > 0;
    }

    /**
     * Adds the contact or renames it. An event older than the last one applied changes nothing,
     * so a record replayed from the dead-letter topic cannot bring back an old name.
     */
    void upsert(UUID ownerId, UUID contactId, String name, Instant at) {
        getEntityManager().createNativeQuery("""
                insert into contact_replica (contact_id, owner_id, name, updated_at) values (?1, ?2, ?3, ?4)
                on conflict (contact_id) do update set name = excluded.name, updated_at = excluded.updated_at
                where contact_replica.owner_id = excluded.owner_id and contact_replica.updated_at <= excluded.updated_at""")
                .setParameter(1, contactId)
                .setParameter(2, ownerId)
                .setParameter(3, name)
                .setParameter(4, at)
                .executeUpdate();
    }

    /** Marks the contact deleted, keeping its name for the referrals recorded with it. */
    int markDeleted(UUID ownerId, UUID contactId, Instant at) {
        return update("deleted = true, updatedAt = :at where contactId = :id and ownerId = :owner",
                Parameters.with("at", at).and("id", contactId).and("owner", ownerId));
    }
}
