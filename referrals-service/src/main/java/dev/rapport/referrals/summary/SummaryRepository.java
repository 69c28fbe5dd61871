package dev.rapport.referrals.summary;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import dev.rapport.referrals.referral.Direction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

/** The figures of a period, each a few index range scans (see V3__balances.sql and V5__summary_months.sql). */
@ApplicationScoped
public class SummaryRepository {

    /** Referrals each way with one partner in the period; a partner unknown to the replica counts as deleted. */
    public record PartnerCount(UUID partnerId, String partnerName, boolean deleted, long given, long received) {
    }

    /** Value won one way in one currency. */
    public record Won(Direction direction, String currency, BigDecimal amount) {
    }

    private final EntityManager entityManager;

    SummaryRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Referrals WON in the period (by when they were won) and still WON, summed per way and currency. */
    @SuppressWarnings("unchecked")
    public List<Won> won(UUID ownerId, Instant start, Instant end) {
        List<Tuple> rows = entityManager.createNativeQuery("""
                select direction, won_currency, sum(won_amount) from referral
                where owner_id = ?1 and status = 'WON' and status_at >= ?2 and status_at < ?3
                group by direction, won_currency order by won_currency""", Tuple.class)
                .setParameter(1, ownerId).setParameter(2, start).setParameter(3, end)
                .getResultList();
        return rows.stream().map(t -> new Won(Direction.valueOf(t.get(0, String.class)), t.get(1, String.class),
                t.get(2, BigDecimal.class))).toList();
    }

    public long newPartners(UUID ownerId, Instant start, Instant end) {
        return ((Number) entityManager.createNativeQuery("""
                select count(*) from partner_balance where owner_id = ?1 and first_at >= ?2 and first_at < ?3""")
                .setParameter(1, ownerId).setParameter(2, start).setParameter(3, end)
                .getSingleResult()).longValue();
    }

    /**
     * Referrals each way in the period per partner, most first: the period's whole UTC months
     * from the monthly counts (V5__summary_months.sql), its edges from the referrals themselves.
     * One read gives both the totals (all partners) and the top partners (those not deleted); an
     * owner has at most some thousands of partners.
     */
    @SuppressWarnings("unchecked")
    public List<PartnerCount> perPartner(UUID ownerId, Instant start, Instant end) {
        Instant monthsStart = startOfMonth(start).equals(start) ? start
                : startOfMonth(start).atZone(ZoneOffset.UTC).plusMonths(1).toInstant();
        Instant monthsEnd = startOfMonth(end);
        if (!monthsStart.isBefore(monthsEnd)) {
            // No whole month inside: all of it is one edge.
            monthsStart = end;
            monthsEnd = end;
        }
        List<Tuple> rows = entityManager.createNativeQuery("""
                select t.partner_id, c.name, coalesce(c.deleted, true), t.given, t.received
                from (select partner_id, sum(given) as given, sum(received) as received
                      from (select partner_id, given, received from referral_month
                            where owner_id = ?1 and month >= ?4 and month < ?5
                            union all
                            select partner_id, (direction = 'GIVEN')::int, (direction = 'RECEIVED')::int from referral
                            where owner_id = ?1 and occurred_at >= ?2 and occurred_at < ?4
                            union all
                            select partner_id, (direction = 'GIVEN')::int, (direction = 'RECEIVED')::int from referral
                            where owner_id = ?1 and occurred_at >= ?5 and occurred_at < ?3) counted
                      group by partner_id) t
                left join contact_replica c on c.contact_id = t.partner_id and c.owner_id = ?1
                order by t.given + t.received desc, t.partner_id""", Tuple.class)
                .setParameter(1, ownerId).setParameter(2, start).setParameter(3, end)
                .setParameter(4, monthsStart).setParameter(5, monthsEnd)
                .getResultList();
        return rows.stream().map(t -> new PartnerCount(t.get(0, UUID.class), t.get(1, String.class), t.get(2, Boolean.class),
                ((Number) t.get(3)).longValue(), ((Number) t.get(4)).longValue())).toList();
    }

    /** The first instant of the UTC month the instant is in. */
    private static Instant startOfMonth(Instant at) {
        return at.atZone(ZoneOffset.UTC).withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).toInstant();
    }
}
