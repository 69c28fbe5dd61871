package dev.rapport.referrals.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import dev.rapport.platform.http.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

/** Links and invitations to link, in plain SQL: both are small rows read by key. */
@ApplicationScoped
class LinkRepository {

    private static final String LINK_COLUMNS = "id, owner_id, partner_id, peer_owner_id, linked_at";
    private static final String INVITATION_COLUMNS = "id, owner_id, partner_id, created_at, expires_at, accepted_at";

    private final EntityManager entityManager;

    LinkRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    void insertInvitation(LinkInvitation invitation, String codeSha256) {
        entityManager.createNativeQuery("""
                insert into link_invitation (id, owner_id, partner_id, code_sha256, created_at, expires_at)
                values (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, invitation.id()).setParameter(2, invitation.ownerId()).setParameter(3, invitation.partnerId())
                .setParameter(4, codeSha256).setParameter(5, invitation.createdAt()).setParameter(6, invitation.expiresAt())
                .executeUpdate();
    }

    Optional<LinkInvitation> invitation(UUID ownerId, UUID id) {
        return invitations("select " + INVITATION_COLUMNS + " from link_invitation where owner_id = ?1 and id = ?2", ownerId, id)
                .stream().findFirst();
    }

    /** The invitation with this code, locked until the transaction ends: two acceptances cannot both take it. */
    Optional<LinkInvitation> invitationByCodeForUpdate(String codeSha256) {
        return invitations("select " + INVITATION_COLUMNS + " from link_invitation where code_sha256 = ?1 for update", codeSha256)
                .stream().findFirst();
    }

    void markAccepted(UUID invitationId, Instant at) {
        entityManager.createNativeQuery("update link_invitation set accepted_at = ?2 where id = ?1")
                .setParameter(1, invitationId).setParameter(2, at).executeUpdate();
    }

    int deleteInvitation(UUID ownerId, UUID id) {
        return entityManager.createNativeQuery("delete from link_invitation where owner_id = ?1 and id = ?2")
                .setParameter(1, ownerId).setParameter(2, id).executeUpdate();
    }

    /** Both sides of a new link, or neither: false when either owner is linked already to that member or through that contact. */
    boolean insertBothSides(MemberLink side, MemberLink otherSide) {
        int inserted = entityManager.createNativeQuery("""
                insert into member_link (id, owner_id, partner_id, peer_owner_id, linked_at)
                values (?1, ?2, ?3, ?4, ?5), (?1, ?6, ?7, ?8, ?5)
                on conflict do nothing""")
                .setParameter(1, side.id()).setParameter(2, side.ownerId()).setParameter(3, side.partnerId())
                .setParameter(4, side.peerOwnerId()).setParameter(5, side.linkedAt())
                .setParameter(6, otherSide.ownerId()).setParameter(7, otherSide.partnerId()).setParameter(8, otherSide.peerOwnerId())
                .executeUpdate();
        return inserted == 2;
    }

    Optional<MemberLink> link(UUID ownerId, UUID id) {
        return links("select " + LINK_COLUMNS + " from member_link where owner_id = ?1 and id = ?2", ownerId, id).stream().findFirst();
    }

    Optional<MemberLink> linkThrough(UUID ownerId, UUID partnerId) {
        return links("select " + LINK_COLUMNS + " from member_link where owner_id = ?1 and partner_id = ?2", ownerId, partnerId)
                .stream().findFirst();
    }

    boolean linkedWith(UUID ownerId, UUID peerOwnerId) {
        return !links("select " + LINK_COLUMNS + " from member_link where owner_id = ?1 and peer_owner_id = ?2", ownerId, peerOwnerId)
                .isEmpty();
    }

    /** One page of the owner's links, newest first, one row more than asked to tell if more follow. */
    List<MemberLink> all(UUID ownerId) {
        return links("select " + LINK_COLUMNS + " from member_link where owner_id = ?1", ownerId);
    }

    List<MemberLink> page(UUID ownerId, PageRequest page) {
        if (page.after() == null) {
            return links("select " + LINK_COLUMNS + " from member_link where owner_id = ?1 order by linked_at desc, id desc limit "
                    + (page.limit() + 1), ownerId);
        }
        return links("select " + LINK_COLUMNS + " from member_link where owner_id = ?1 and (linked_at, id) < (?2, ?3) "
                + "order by linked_at desc, id desc limit " + (page.limit() + 1), ownerId, page.after().time(), page.after().id());
    }

    /** Deletes both sides of the link; answers them. */
    List<MemberLink> deleteBothSides(UUID id) {
        return links("delete from member_link where id = ?1 returning " + LINK_COLUMNS, id);
    }

    private List<MemberLink> links(String sql, Object... parameters) {
        return rows(sql, row -> new MemberLink(row.get("id", UUID.class), row.get("owner_id", UUID.class),
                row.get("partner_id", UUID.class), row.get("peer_owner_id", UUID.class), row.get("linked_at", Instant.class)),
                parameters);
    }

    private List<LinkInvitation> invitations(String sql, Object... parameters) {
        return rows(sql, row -> new LinkInvitation(row.get("id", UUID.class), row.get("owner_id", UUID.class),
                row.get("partner_id", UUID.class), row.get("created_at", Instant.class), row.get("expires_at", Instant.class),
                row.get("accepted_at", Instant.class)), parameters);
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> rows(String sql, Function<Tuple, T> record, Object... parameters) {
        var query = entityManager.createNativeQuery(sql, Tuple.class);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return ((List<Tuple>) query.getResultList()).stream().map(record).toList();
    }
}
