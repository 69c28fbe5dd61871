package dev.rapport.contacts.connection;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

import dev.rapport.contacts.stage.RelationshipStage;
import dev.rapport.platform.http.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The owner's connections. A pair is stored once, as (least id, greatest id), which the SQL
 * works out itself: PostgreSQL orders uuids by their bytes, Java's {@code UUID.compareTo} does not.
 */
@ApplicationScoped
public class ConnectionRepository {

    /** The columns of a {@link Connection}: the other contact {@code c}, the link {@code e}. */
    private static final String CONNECTION_COLUMNS = "c.id, c.name, c.stage, c.trust_rating, e.note, e.origin, e.created_at";

    private final Session session;

    ConnectionRepository(Session session) {
        this.session = session;
    }

    /**
     * Those of {@code a} and {@code b} that are the owner's contacts, locked against deletion
     * (not against edits) until the transaction ends, so that a connection is never made to a
     * contact being deleted.
     */
    public List<UUID> lockOwnedContacts(UUID ownerId, UUID a, UUID b) {
        return session.createNativeQuery("select id from contact where owner_id = ?1 and id in (?2, ?3) for key share")
                .setParameter(1, ownerId).setParameter(2, a).setParameter(3, b)
                .getResultList();
    }

    /** Connects {@code a} and {@code b} unless they already are; true when it made the connection. */
    public boolean insertIfAbsent(UUID ownerId, UUID a, UUID b, String note, ConnectionOrigin origin, Instant at) {
        return session.createNativeMutationQuery("""
                insert into contact_connection (owner_id, contact_a, contact_b, note, origin, created_at)
                values (?1, least(?2, ?3), greatest(?2, ?3), ?4, ?5, ?6)
                on conflict do nothing""")
                .setParameter(1, ownerId).setParameter(2, a).setParameter(3, b)
                .setParameter(4, note).setParameter(5, origin.name()).setParameter(6, at)
                .executeUpdate() == 1;
    }

    /** The connection between {@code from} and {@code to}, seen from {@code from}. */
    public Optional<Connection> find(UUID ownerId, UUID from, UUID to) {
        return connections("""
                select %s from contact_connection e
                join contact c on c.owner_id = e.owner_id and c.id = ?3
                where e.owner_id = ?1 and e.contact_a = least(?2, ?3) and e.contact_b = greatest(?2, ?3)"""
                .formatted(CONNECTION_COLUMNS))
                .setParameter(1, ownerId).setParameter(2, from).setParameter(3, to)
                .getResultStream().findFirst().map(ConnectionRepository::connection);
    }

    /** Removes the connection between {@code a} and {@code b}; true when there was one. */
    public boolean delete(UUID ownerId, UUID a, UUID b) {
        return session.createNativeMutationQuery("""
                delete from contact_connection
                where owner_id = ?1 and contact_a = least(?2, ?3) and contact_b = greatest(?2, ?3)""")
                .setParameter(1, ownerId).setParameter(2, a).setParameter(3, b)
                .executeUpdate() == 1;
    }

    /**
     * One page of a contact's connections, newest first, paged by (created_at, the other
     * contact's id), one row more than asked to tell if more follow.
     */
    public List<Connection> page(UUID ownerId, UUID contactId, PageRequest page) {
        String after = page.after() == null ? "" : "and (e.created_at < :time or (e.created_at = :time and c.id < :after))";
        NativeQuery<Object[]> query = connections("""
                select %s from contact_connection e
                join contact c on c.owner_id = e.owner_id
                              and c.id = case when e.contact_a = :contact then e.contact_b else e.contact_a end
                where e.owner_id = :owner and (e.contact_a = :contact or e.contact_b = :contact) %s
                order by e.created_at desc, c.id desc
                limit :limit""".formatted(CONNECTION_COLUMNS, after))
                .setParameter("owner", ownerId).setParameter("contact", contactId).setParameter("limit", page.limit() + 1);
        if (page.after() != null) {
            query.setParameter("time", page.after().time()).setParameter("after", page.after().id());
        }
        return query.getResultStream().map(ConnectionRepository::connection).toList();
    }

    private NativeQuery<Object[]> connections(String sql) {
        return session.createNativeQuery(sql, Object[].class)
                .addScalar("id", UUID.class)
                .addScalar("name", String.class)
                .addScalar("stage", String.class)
                .addScalar("trust_rating", Short.class)
                .addScalar("note", String.class)
                .addScalar("origin", String.class)
                .addScalar("created_at", Instant.class);
    }

    private static Connection connection(Object[] row) {
        return new Connection((UUID) row[0], (String) row[1], RelationshipStage.valueOf((String) row[2]), (Short) row[3],
                (String) row[4], ConnectionOrigin.valueOf((String) row[5]), (Instant) row[6]);
    }
}
