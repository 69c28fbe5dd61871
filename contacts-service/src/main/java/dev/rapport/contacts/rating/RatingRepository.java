package dev.rapport.contacts.rating;

import java.util.List;
import java.util.UUID;

import dev.rapport.platform.http.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class RatingRepository implements PanacheRepositoryBase<Rating, UUID> {

    /** One page of a contact's ratings, newest first, one row more than asked to tell if more follow. */
    public List<Rating> page(UUID ownerId, UUID contactId, PageRequest page) {
        StringBuilder query = new StringBuilder("ownerId = :owner and contactId = :contact");
        Parameters parameters = Parameters.with("owner", ownerId).and("contact", contactId);
        if (page.after() != null) {
            query.append(" and (ratedAt < :time or (ratedAt = :time and id < :id))");
            parameters.and("time", page.after().time()).and("id", page.after().id());
        }
        query.append(" order by ratedAt desc, id desc");
        return find(query.toString(), parameters).page(0, page.limit() + 1).list();
    }
}
