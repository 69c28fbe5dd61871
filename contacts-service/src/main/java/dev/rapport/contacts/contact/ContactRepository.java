package dev.rapport.contacts.contact;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.rapport.contacts.stage.RelationshipStage;
import dev.rapport.platform.http.PageRequest;
import dev.rapport.platform.http.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

@ApplicationScoped
public class ContactRepository implements PanacheRepositoryBase<Contact, UUID> {

    /** Key space of the per-owner import locks (apart from the outbox's owner locks). */
    private static final int IMPORT_LOCKS = 0x494D5054;

    /** What tells one of an owner's contacts from another, for finding duplicates. */
    public record ContactIdentity(UUID id, String name, String company, String email) {
    }

    /**
     * Makes the owner's imports take turns until the transaction ends, so that two uploads at
     * once cannot both find a contact new and both create it.
     */
    public void lockImportsOf(UUID ownerId) {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(?1, hashtext(?2))")
                .setParameter(1, IMPORT_LOCKS).setParameter(2, ownerId.toString())
                .getSingleResult();
    }

    /** Every one of the owner's contacts, as its identity only, in one query. */
    public List<ContactIdentity> identities(UUID ownerId) {
        return getEntityManager()
                .createQuery("select c.id, c.name, c.company, c.email from Contact c where c.ownerId = :owner", ContactIdentity.class)
                .setParameter("owner", ownerId)
                .getResultList();
    }

    public Optional<Contact> findOwned(UUID ownerId, UUID id) {
        // A load by primary key (from the session if it holds the contact), not a query.
        return findByIdOptional(id).filter(contact -> contact.ownerId.equals(ownerId));
    }

    /** The contact, locked until the transaction ends, for rules that read other rows before changing it. */
    public Optional<Contact> findOwnedForUpdate(UUID ownerId, UUID id) {
        return find("id = :id and ownerId = :owner", Parameters.with("id", id).and("owner", ownerId))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The owner's contact, or the 404 problem of {@link #notFound}. */
    public Contact requireOwned(UUID ownerId, UUID id) {
        return findOwned(ownerId, id).orElseThrow(() -> notFound(id));
    }

    /** The owner's contact, locked as by {@link #findOwnedForUpdate}, or the 404 problem of {@link #notFound}. */
    public Contact requireOwnedForUpdate(UUID ownerId, UUID id) {
        return findOwnedForUpdate(ownerId, id).orElseThrow(() -> notFound(id));
    }

    /**
     * What every request naming, in its path, a contact the caller does not have is answered: the
     * same 404 whether the contact is another owner's or no one's.
     */
    public static ProblemException notFound(UUID id) {
        return ProblemException.notFound("contact", id);
    }

    /** One page of the owner's contacts, optionally of one tag and one stage, newest first, one row more than asked to tell if more follow. */
    public List<Contact> page(UUID ownerId, PageRequest page, String tag, RelationshipStage stage) {
        StringBuilder query = new StringBuilder("ownerId = :owner");
        Parameters parameters = Parameters.with("owner", ownerId);
        if (tag != null) {
            query.append(" and array_contains(tags, :tag)");
            parameters.and("tag", tag);
        }
        if (stage != null) {
            query.append(" and stage = :stage");
            parameters.and("stage", stage);
        }
        if (page.after() != null) {
            query.append(" and (createdAt < :time or (createdAt = :time and id < :id))");
            parameters.and("time", page.after().time()).and("id", page.after().id());
        }
        query.append(" order by createdAt desc, id desc");
        return find(query.toString(), parameters).page(0, page.limit() + 1).list();
    }

    /**
     * The contact and every contact up its introducedBy chain, nearest first. The chain is kept
     * acyclic on write; the depth bound only guards against a row written by other means.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> introducers(UUID ownerId, UUID id) {
        return getEntityManager().createNativeQuery("""
                with recursive chain (id, introduced_by, depth) as (
                    select id, introduced_by, 0 from contact where id = ?1 and owner_id = ?2
                    union all
                    select c.id, c.introduced_by, chain.depth + 1 from chain
                    join contact c on c.id = chain.introduced_by and c.owner_id = ?2
                    where chain.depth < ?3)
                select id from chain order by depth""")
                .setParameter(1, id).setParameter(2, ownerId).setParameter(3, MAX_CHAIN)
                .getResultList();
    }

    /** One of the owner's contacts who is the {@link SamePerson same person}, by the keys the contacts store. */
    public Optional<Contact> findSamePerson(UUID ownerId, String email, String name, String company) {
        String sameNameAndCompany = "nameKey = :name and companyKey = :company";
        Parameters parameters = Parameters.with("owner", ownerId).and("name", SamePerson.nameKey(name))
                .and("company", SamePerson.companyKey(company));
        String emailKey = SamePerson.emailKey(email);
        if (emailKey == null) {
            return find("ownerId = :owner and " + sameNameAndCompany, parameters).firstResultOptional();
        }
        return find("ownerId = :owner and (emailKey = :email or (" + sameNameAndCompany + "))", parameters.and("email", emailKey))
                .firstResultOptional();
    }

    /** Longer chains are cut here: no one is introduced through a thousand people. */
    public static final int MAX_CHAIN = 1000;
}
