package dev.rapport.referrals.balance;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.rapport.platform.http.PageRequest;
import dev.rapport.referrals.referral.Direction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

/** Per-partner balances, each computed by one aggregate query over the owner's referrals. */
@ApplicationScoped
public class BalanceRepository {

    private static final String BALANCE = """
            select new dev.rapport.referrals.balance.PartnerBalanceResponse(c.contactId, c.name,
                count(r.id) filter (where r.direction = :given),
                count(r.id) filter (where r.direction = :received),
                count(r.id) filter (where r.direction = :given) - count(r.id) filter (where r.direction = :received),
                max(r.occurredAt) filter (where r.direction = :given),
                max(r.occurredAt) filter (where r.direction = :received))
            """;

    private final EntityManager entityManager;

    BalanceRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The balance with one of the owner's known contacts, zero when they have no referrals yet. */
    public Optional<PartnerBalanceResponse> ofPartner(UUID ownerId, UUID partnerId) {
        return query(BALANCE + """
                from ContactReplica c left join Referral r on r.partnerId = c.contactId and r.ownerId = c.ownerId
                where c.ownerId = :owner and c.contactId = :partner and c.deleted = false
                group by c.contactId, c.name""")
                .setParameter("owner", ownerId)
                .setParameter("partner", partnerId)
                .getResultStream().findFirst();
    }

    /**
     * One page of the balances with every known partner who has referrals, the partner with
     * the latest referral first, one row more than asked to tell if more follow.
     */
    public List<PartnerBalanceResponse> page(UUID ownerId, PageRequest page) {
        StringBuilder hql = new StringBuilder(BALANCE).append("""
                from Referral r join ContactReplica c on c.contactId = r.partnerId and c.ownerId = r.ownerId
                where r.ownerId = :owner and c.deleted = false
                group by c.contactId, c.name
                """);
        if (page.after() != null) {
            hql.append("having max(r.occurredAt) < :time or (max(r.occurredAt) = :time and c.contactId < :id)\n");
        }
        hql.append("order by max(r.occurredAt) desc, c.contactId desc");
        TypedQuery<PartnerBalanceResponse> query = query(hql.toString())
                .setParameter("owner", ownerId)
                .setMaxResults(page.limit() + 1);
        if (page.after() != null) {
            query.setParameter("time", page.after().time()).setParameter("id", page.after().id());
        }
        return query.getResultList();
    }

    private TypedQuery<PartnerBalanceResponse> query(String hql) {
        return entityManager.createQuery(hql, PartnerBalanceResponse.class)
                .setParameter("given", Direction.GIVEN)
                .setParameter("received", Direction.RECEIVED);
    }
}
