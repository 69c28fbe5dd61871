package dev.rapport.referrals.referral;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.rapport.platform.http.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ReferralRepository implements PanacheRepositoryBase<Referral, UUID> {

    public Optional<Referral> findOwned(UUID ownerId, UUID id) {
        return find("id = :id and ownerId = :owner", Parameters.with("id", id).and("owner", ownerId)).firstResultOptional();
    }

    /** One page of the owner's referrals, newest first, one row more than asked to tell if more follow. */
    public List<Referral> page(UUID ownerId, PageRequest page, UUID partnerId, Direction direction) {
        StringBuilder query = new StringBuilder("ownerId = :owner");
        Parameters parameters = Parameters.with("owner", ownerId);
        if (partnerId != null) {
            query.append(" and partnerId = :partner");
            parameters.and("partner", partnerId);
        }
        if (direction != null) {
            query.append(" and direction = :direction");
            parameters.and("direction", direction);
        }
        if (page.after() != null) {
            query.append(" and (occurredAt < :time or (occurredAt = :time and id < :id))");
            parameters.and("time", page.after().time()).and("id", page.after().id());
        }
        query.append(" order by occurredAt desc, id desc");
        return find(query.toString(), parameters).page(0, page.limit() + 1).list();
    }

    /** Adds an entry to the ledger; entries are never changed (the database refuses it). */
    void append(ReferralEntry entry) {
        getEntityManager().createNativeQuery("""
                insert into referral_entry (referral_id, seq, status, value_amount, value_currency, at, recorded_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, entry.referralId())
                .setParameter(2, entry.seq())
                .setParameter(3, entry.status().name())
                .setParameter(4, entry.valueAmount())
                .setParameter(5, entry.valueCurrency())
                .setParameter(6, entry.at())
                .setParameter(7, entry.recordedAt())
                .executeUpdate();
    }
}
