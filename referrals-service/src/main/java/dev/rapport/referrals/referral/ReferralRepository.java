package dev.rapport.referrals.referral;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.rapport.platform.http.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;

@ApplicationScoped
public class ReferralRepository implements PanacheRepositoryBase<Referral, UUID> {

    /** What an erased referred person is called from then on. */
    public static final String ERASED_NAME = "(erased)";

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

    /** Adds an entry to the ledger, and its note beside it; entries are never changed (the database refuses it). */
    void append(ReferralEntry entry, String note) {
        getEntityManager().createNativeQuery("""
                insert into referral_entry (referral_id, seq, kind, status, value_amount, value_currency, at, recorded_at,
                    author_id, reverses_seq)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)""")
                .setParameter(1, entry.referralId())
                .setParameter(2, entry.seq())
                .setParameter(3, entry.kind().name())
                .setParameter(4, entry.status().name())
                .setParameter(5, entry.valueAmount())
                .setParameter(6, entry.valueCurrency())
                .setParameter(7, entry.at())
                .setParameter(8, entry.recordedAt())
                .setParameter(9, entry.authorId())
                .setParameter(10, entry.reversesSeq())
                .executeUpdate();
        if (note != null && !note.isBlank()) {
            getEntityManager().createNativeQuery("insert into referral_entry_note (referral_id, seq, note) values (?1, ?2, ?3)")
                    .setParameter(1, entry.referralId())
                    .setParameter(2, entry.seq())
                    .setParameter(3, note)
                    .executeUpdate();
        }
    }

    /** The referral's entries, first to last, with their notes; entries recorded before authors were kept are the owner's. */
    List<ReferralEntryResponse> entries(UUID referralId) {
        List<Tuple> rows = getEntityManager().createNativeQuery("""
                select e.seq, e.kind, e.status, e.value_amount, e.value_currency, e.at, e.recorded_at,
                       coalesce(e.author_id, r.owner_id) as author_id, e.reverses_seq, n.note
                from referral_entry e
                join referral r on r.id = e.referral_id
                left join referral_entry_note n on n.referral_id = e.referral_id and n.seq = e.seq
                where e.referral_id = ?1
                order by e.seq""", Tuple.class)
                .setParameter(1, referralId)
                .getResultList();
        return rows.stream().map(row -> new ReferralEntryResponse(
                row.get("seq", Integer.class),
                EntryKind.valueOf(row.get("kind", String.class)),
                ReferralStatus.valueOf(row.get("status", String.class)),
                Money.of(row.get("value_amount", BigDecimal.class), row.get("value_currency", String.class)),
                row.get("at", Instant.class),
                row.get("recorded_at", Instant.class),
                row.get("author_id", UUID.class),
                row.get("reverses_seq", Integer.class),
                row.get("note", String.class))).toList();
    }

    /**
     * On the erasure of one of the owner's contacts, anonymises what names them and nothing
     * else: referrals about them lose the referred person's name, details, need and notes;
     * referrals with them as partner lose their notes. The notes of those referrals' entries go;
     * the entries themselves (status, value, times, author) and every amount, date and direction
     * stay, so balances remain true.
     *
     * @return the ids of the referrals about the person (their published events name them)
     */
    @SuppressWarnings("unchecked")
    List<UUID> anonymise(UUID ownerId, UUID contactId, Instant at) {
        List<UUID> about = getEntityManager().createNativeQuery("""
                update referral set referred_name = ?3, referred_company = null, referred_email = null, referred_phone = null,
                    need = null, notes = null, erased_at = ?4, version = version + 1
                where owner_id = ?1 and referred_contact_id = ?2
                returning id""")
                .setParameter(1, ownerId).setParameter(2, contactId).setParameter(3, ERASED_NAME).setParameter(4, at)
                .getResultList();
        getEntityManager().createNativeQuery("""
                update referral set notes = null, erased_at = ?3, version = version + 1
                where owner_id = ?1 and partner_id = ?2""")
                .setParameter(1, ownerId).setParameter(2, contactId).setParameter(3, at)
                .executeUpdate();
        getEntityManager().createNativeQuery("""
                delete from referral_entry_note n using referral r
                where r.id = n.referral_id and r.owner_id = ?1 and (r.referred_contact_id = ?2 or r.partner_id = ?2)""")
                .setParameter(1, ownerId).setParameter(2, contactId)
                .executeUpdate();
        return about;
    }
}
