package dev.rapport.meetings.touchpoint;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.rapport.meetings.contacts.ContactErasure;
import dev.rapport.platform.http.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

@ApplicationScoped
public class TouchpointRepository implements PanacheRepositoryBase<Touchpoint, UUID> {

    public Optional<Touchpoint> findOwned(UUID ownerId, UUID id) {
        return find("id = :id and ownerId = :owner", Parameters.with("id", id).and("owner", ownerId)).firstResultOptional();
    }

    /** One page of the owner's touchpoints, latest first, one row more than asked to tell if more follow. */
    public List<Touchpoint> page(UUID ownerId, PageRequest page, UUID contactId) {
        StringBuilder query = new StringBuilder("ownerId = :owner");
        Parameters parameters = Parameters.with("owner", ownerId);
        if (contactId != null) {
            query.append(" and contactId = :contact");
            parameters.and("contact", contactId);
        }
        if (page.after() != null) {
            query.append(" and (occurredAt < :time or (occurredAt = :time and id < :id))");
            parameters.and("time", page.after().time()).and("id", page.after().id());
        }
        query.append(" order by occurredAt desc, id desc");
        return find(query.toString(), parameters).page(0, page.limit() + 1).list();
    }

    /** Deletes the owner's touchpoints with an erased contact (ContactsConsumer forgets their events still in the outbox). */
    void onContactErased(@Observes ContactErasure erasure) {
        delete("ownerId = ?1 and contactId = ?2", erasure.ownerId(), erasure.contactId());
    }
}
