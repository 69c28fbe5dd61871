package dev.rapport.referrals.contacts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.rapport.platform.http.Problem;
import dev.rapport.platform.http.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
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

    /** Whether the contact is the owner's and not deleted. */
    public boolean isKnown(UUID ownerId, UUID contactId) {
        return count("contactId = :id and ownerId = :owner and deleted = false",
                Parameters.with("id", contactId).and("owner", ownerId)) > 0;
    }

    /**
     * Fails with 422 unknown-contact on {@code field} unless the contact is the owner's and not
     * deleted: the same answer for one that does not exist, was deleted or is another owner's,
     * so nothing leaks.
     */
    public void requireKnown(UUID ownerId, UUID contactId, String field) {
        if (!isKnown(ownerId, contactId)) {
            throw unknownContact(field, contactId);
        }
    }

    public static ProblemException unknownContact(String field, UUID contactId) {
        return new ProblemException(Problem.of("unknown-contact", "Unknown contact", 422,
                "No contact " + contactId + " in the caller's network")
                .withError(field, "is not a contact in the caller's network"));
    }

    /** The name of the owner's contact, unless it is unknown or deleted. */
    public Optional<String> nameOf(UUID ownerId, UUID contactId) {
        return find("contactId = :id and ownerId = :owner and deleted = false",
                Parameters.with("id", contactId).and("owner", ownerId)).firstResultOptional().map(c -> c.name);
    }

    /**
     * Adds the contact or renames it. An event older than the last one applied changes nothing,
     * so a record replayed from the dead-letter topic cannot bring back an old name. A tombstone
     * stays deleted whatever the event's time.
     *
     * @return the number of rows changed: 0 if the event was older, or the contact is another owner's
     */
    int upsert(UUID ownerId, UUID contactId, String name, Instant at) {
        return getEntityManager().createNativeQuery("""
                insert into contact_replica (contact_id, owner_id, name, deleted, updated_at) values (?1, ?2, ?3, false, ?4)
                on conflict (contact_id) do update set name = excluded.name, updated_at = excluded.updated_at
                where contact_replica.owner_id = excluded.owner_id
                  and (contact_replica.updated_at is null or contact_replica.updated_at <= excluded.updated_at)""")
                .setParameter(1, contactId)
                .setParameter(2, ownerId)
                .setParameter(3, name)
                .setParameter(4, Timestamp.from(at))
                .executeUpdate();
    }

    /**
     * Marks the contact deleted, keeping its name for the referrals recorded with them, whatever
     * the order its events arrive in: a contact the replica does not know yet gets a tombstone, so
     * that its created event, arriving later, cannot add it. A deletion is final, so an older one
     * is applied too; the row keeps the latest event time.
     *
     * @return the number of rows changed: 0 if the contact is another owner's
     */
    int markDeleted(UUID ownerId, UUID contactId, Instant at) {
        return getEntityManager().createNativeQuery("""
                insert into contact_replica (contact_id, owner_id, name, deleted, updated_at) values (?1, ?2, ?3, true, ?4)
                on conflict (contact_id) do update set deleted = true,
                    updated_at = greatest(contact_replica.updated_at, excluded.updated_at)
                where contact_replica.owner_id = excluded.owner_id""")
                .setParameter(1, contactId)
                .setParameter(2, ownerId)
                .setParameter(3, UNKNOWN_NAME)
                .setParameter(4, Timestamp.from(at))
                .executeUpdate();
    }

    /**
     * Forgets the contact's name and leaves a deleted, nameless tombstone, whatever the order
     * its events arrive in (a later created event cannot bring the contact back).
     *
     * @return the number of rows changed: 0 if the contact is another owner's
     */
    int erase(UUID ownerId, UUID contactId, Instant at) {
        return getEntityManager().createNativeQuery("""
                insert into contact_replica (contact_id, owner_id, name, deleted, updated_at) values (?1, ?2, ?3, true, ?4)
                on conflict (contact_id) do update set deleted = true, name = excluded.name,
                    updated_at = greatest(contact_replica.updated_at, excluded.updated_at)
                where contact_replica.owner_id = excluded.owner_id""")
                .setParameter(1, contactId)
                .setParameter(2, ownerId)
                .setParameter(3, UNKNOWN_NAME)
                .setParameter(4, Timestamp.from(at))
                .executeUpdate();
    }
}
