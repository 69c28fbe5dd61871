package dev.rapport.meetings.networking;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.rapport.platform.http.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class NetworkingEventRepository implements PanacheRepositoryBase<NetworkingEvent, UUID> {

    Optional<NetworkingEvent> findOwned(UUID ownerId, UUID id) {
        return find("id = :id and ownerId = :owner", Parameters.with("id", id).and("owner", ownerId)).firstResultOptional();
    }

    /** One page of the owner's events, latest start first, one row more than asked to tell if more follow. */
    List<NetworkingEvent> page(UUID ownerId, PageRequest page) {
        StringBuilder query = new StringBuilder("ownerId = :owner");
        Parameters parameters = Parameters.with("owner", ownerId);
        if (page.after() != null) {
            query.append(" and (startsAt < :time or (startsAt = :time and id < :id))");
            parameters.and("time", page.after().time()).and("id", page.after().id());
        }
        query.append(" order by startsAt desc, id desc");
        return find(query.toString(), parameters).page(0, page.limit() + 1).list();
    }
}
