package dev.rapport.meetings.meeting;

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
public class MeetingRepository implements PanacheRepositoryBase<Meeting, UUID> {

    public Optional<Meeting> findOwned(UUID ownerId, UUID id) {
        return find("id = :id and ownerId = :owner", Parameters.with("id", id).and("owner", ownerId)).firstResultOptional();
    }

    /** Whether the owner held a discovery meeting with the contact where both agreed to follow up. */
    public boolean discoveryAgreed(UUID ownerId, UUID contactId) {
        return count("ownerId = ?1 and contactId = ?2 and stage = ?3 and status = ?4 and bothAgreedToFollowUp = true",
                ownerId, contactId, MeetingStage.DISCOVERY, MeetingStatus.HELD) > 0;
    }

    /** One page of the owner's meetings, newest first, one row more than asked to tell if more follow. */
    public List<Meeting> page(UUID ownerId, PageRequest page, UUID contactId, MeetingStatus status) {
        StringBuilder query = new StringBuilder("ownerId = :owner");
        Parameters parameters = Parameters.with("owner", ownerId);
        if (contactId != null) {
            query.append(" and contactId = :contact");
            parameters.and("contact", contactId);
        }
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        if (page.after() != null) {
            query.append(" and (createdAt < :time or (createdAt = :time and id < :id))");
            parameters.and("time", page.after().time()).and("id", page.after().id());
        }
        query.append(" order by createdAt desc, id desc");
        return find(query.toString(), parameters).page(0, page.limit() + 1).list();
    }

    /** Deletes the owner's meetings with an erased contact (ContactsConsumer forgets their events still in the outbox). */
    void onContactErased(@Observes ContactErasure erasure) {
        delete("ownerId = ?1 and contactId = ?2", erasure.ownerId(), erasure.contactId());
    }
}
