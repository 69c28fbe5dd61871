package dev.rapport.referrals.balance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.rapport.platform.http.Cursor;
import dev.rapport.referrals.referral.Direction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

/**
 * Per-partner balances, read from the sums that the referral table's trigger keeps
 * (V3__balances.sql): one index range per page, whatever the size of the ledger.
 */
@ApplicationScoped
public class BalanceRepository {

    private static final String SELECT = """
            select b.partner_id, c.name, b.given, b.received, b.open_given, b.open_received,
                   b.last_given_at, b.last_received_at, b.last_at
            from partner_balance b
            join contact_replica c on c.contact_id = b.partner_id and c.owner_id = b.owner_id and c.deleted = false
            """;

    private final EntityManager entityManager;

    BalanceRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The balance with one of the owner's known contacts, zero when they have no referrals yet. */
    public Optional<BalanceRow> ofPartner(UUID ownerId, UUID partnerId) {
        List<Tuple> rows = tuples("""
                select c.contact_id as partner_id, c.name, coalesce(b.given, 0) as given, coalesce(b.received, 0) as received,
                       coalesce(b.open_given, 0) as open_given, coalesce(b.open_received, 0) as open_received,
                       b.last_given_at, b.last_received_at, b.last_at
                from contact_replica c
                left join partner_balance b on b.owner_id = c.owner_id and b.partner_id = c.contact_id
                where c.owner_id = ?1 and c.contact_id = ?2 and c.deleted = false""")
                .setParameter(1, ownerId).setParameter(2, partnerId)
                .getResultList();
        return rows.stream().map(BalanceRepository::row).findFirst();
    }

    /** One page by the latest referral, newest first, one row more than asked to tell if more follow. */
    public List<BalanceRow> pageByRecent(UUID ownerId, int limit, Cursor after) {
        String sql = SELECT + "where b.owner_id = :owner"
                + (after == null ? "" : " and (b.last_at < :time or (b.last_at = :time and b.partner_id < :id))")
                + " order by b.last_at desc, b.partner_id desc limit :limit";
        Query query = tuples(sql).setParameter("owner", ownerId).setParameter("limit", limit + 1);
        if (after != null) {
            query.setParameter("time", after.time()).setParameter("id", after.id());
        }
        return rows(query);
    }

    /** One page by balance (given − received), then partner id, one row more than asked. */
    public List<BalanceRow> pageByBalance(UUID ownerId, int limit, BalanceCursor after, boolean descending) {
        String order = descending ? "desc" : "asc";
        String beyond = descending ? "<" : ">";
        String sql = SELECT + "where b.owner_id = :owner"
                + (after == null ? "" : " and ((b.given - b.received) " + beyond + " :balance"
                        + " or ((b.given - b.received) = :balance and b.partner_id " + beyond + " :id))")
                + " order by (b.given - b.received) " + order + ", b.partner_id " + order + " limit :limit";
        Query query = tuples(sql).setParameter("owner", ownerId).setParameter("limit", limit + 1);
        if (after != null) {
            query.setParameter("balance", (int) after.balance()).setParameter("id", after.partnerId());
        }
        return rows(query);
    }

    /** The value won with each of the partners, each way, per currency, currencies in order. */
    @SuppressWarnings("unchecked")
    public List<WonValueRow> wonValues(UUID ownerId, Collection<UUID> partnerIds) {
        if (partnerIds.isEmpty()) {
            return List.of();
        }
        List<Tuple> rows = tuples("""
                select partner_id, direction, currency, amount from partner_balance_value
                where owner_id = ?1 and partner_id = any(?2) and won > 0
                order by currency""")
                .setParameter(1, ownerId).setParameter(2, partnerIds.toArray(UUID[]::new))
                .getResultList();
        return rows.stream().map(t -> new WonValueRow(t.get(0, UUID.class), Direction.valueOf(t.get(1, String.class)),
                t.get(2, String.class), t.get(3, BigDecimal.class))).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<BalanceRow> rows(Query query) {
        return ((List<Tuple>) query.getResultList()).stream().map(BalanceRepository::row).toList();
    }

    private static BalanceRow row(Tuple t) {
        return new BalanceRow(t.get(0, UUID.class), t.get(1, String.class), ((Number) t.get(2)).longValue(),
                ((Number) t.get(3)).longValue(), ((Number) t.get(4)).longValue(), ((Number) t.get(5)).longValue(),
                t.get(6, Instant.class), t.get(7, Instant.class), t.get(8, Instant.class));
    }

    private Query tuples(String sql) {
        return entityManager.createNativeQuery(sql, Tuple.class);
    }
}
