package dev.rapport.contacts.reservation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.rapport.platform.http.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ReservationRepository implements PanacheRepositoryBase<Reservation, UUID> {

    public Optional<Reservation> findOwned(UUID ownerId, UUID contactId, UUID id) {
        return find("id = :id and ownerId = :owner and contactId = :contact",
                Parameters.with("id", id).and("owner", ownerId).and("contact", contactId)).firstResultOptional();
    }

    /** The contact's open reservations, oldest first. */
    public List<Reservation> open(UUID ownerId, UUID contactId) {
        return find("ownerId = :owner and contactId = :contact and status = :status order by raisedAt, id",
                Parameters.with("owner", ownerId).and("contact", contactId).and("status", ReservationStatus.OPEN)).list();
    }

    /** One page of a contact's reservations, optionally of one status, oldest first, one row more than asked to tell if more follow. */
    public List<Reservation> page(UUID ownerId, UUID contactId, ReservationStatus status, PageRequest page) {
        StringBuilder query = new StringBuilder("ownerId = :owner and contactId = :contact");
        Parameters parameters = Parameters.with("owner", ownerId).and("contact", contactId);
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        if (page.after() != null) {
            query.append(" and (raisedAt > :time or (raisedAt = :time and id > :id))");
            parameters.and("time", page.after().time()).and("id", page.after().id());
        }
        query.append(" order by raisedAt, id");
        return find(query.toString(), parameters).page(0, page.limit() + 1).list();
    }
}
