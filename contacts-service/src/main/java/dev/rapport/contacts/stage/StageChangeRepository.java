package dev.rapport.contacts.stage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.rapport.platform.http.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class StageChangeRepository implements PanacheRepositoryBase<StageChange, UUID> {

    /** Records that {@code contactId} moved to {@code to}; {@code from} is null when it was just created. */
    public StageChange record(UUID ownerId, UUID contactId, RelationshipStage from, RelationshipStage to, String reason, Instant at) {
        StageChange change = new StageChange();
        change.id = UUID.randomUUID();
        change.ownerId = ownerId;
        change.contactId = contactId;
        change.fromStage = from;
        change.toStage = to;
        change.reason = reason;
        change.changedAt = at;
        persist(change);
        return change;
    }

    /** One page of a contact's history, oldest first, one row more than asked to tell if more follow. */
    public List<StageChange> page(UUID ownerId, UUID contactId, PageRequest page) {
        StringBuilder query = new StringBuilder("ownerId = :owner and contactId = :contact");
        Parameters parameters = Parameters.with("owner", ownerId).and("contact", contactId);
        if (page.after() != null) {
            query.append(" and (changedAt > :time or (changedAt = :time and id > :id))");
            parameters.and("time", page.after().time()).and("id", page.after().id());
        }
        query.append(" order by changedAt, id");
        return find(query.toString(), parameters).page(0, page.limit() + 1).list();
    }

    /** The contact's latest stage change (its creation at least, for contacts made since stages exist). */
    public Optional<StageChange> latest(UUID contactId) {
        return find("contactId = ?1 order by changedAt desc, id desc", contactId).firstResultOptional();
    }
}
