package dev.rapport.referrals.exchange;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.rapport.platform.http.Cursor;
import dev.rapport.platform.http.Page;
import dev.rapport.platform.http.PageRequest;
import dev.rapport.platform.http.Problem;
import dev.rapport.platform.http.ProblemException;
import dev.rapport.platform.outbox.Outbox;
import dev.rapport.referrals.contacts.ContactGone;
import dev.rapport.referrals.contacts.ContactReplicaRepository;
import dev.rapport.referrals.events.ReferralLinked;
import dev.rapport.referrals.events.ReferralUnlinked;
import dev.rapport.referrals.referral.SharedReferrals;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

/**
 * Links between two members of Rapport. One member invites, naming their contact for the other,
 * and hands over the code; the other accepts it, naming their contact for the first. Either can
 * unlink. Each side sees only its own contact for the other, never the other member's identity.
 */
@ApplicationScoped
public class LinkService {

    /** The problem type of a code that no invitation waits with: unknown, expired, revoked or accepted. */
    public static final String UNKNOWN_CODE = "unknown-link-code";
    /** The problem type of accepting one's own invitation. */
    public static final String OWN_CODE = "own-link-code";
    /** The problem type of a link that exists already, with that member or through that contact. */
    public static final String ALREADY_LINKED = "already-linked";

    private final LinkRepository links;
    private final ContactReplicaRepository contacts;
    private final SharedReferrals sharedReferrals;
    private final Outbox outbox;
    private final LinksConfig config;
    private final Clock clock;

    LinkService(LinkRepository links, ContactReplicaRepository contacts, SharedReferrals sharedReferrals, Outbox outbox,
            LinksConfig config, Clock clock) {
        this.links = links;
        this.contacts = contacts;
        this.sharedReferrals = sharedReferrals;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public LinkInvitationResponse invite(UUID ownerId, LinkInvitationRequest request) {
        contacts.requireKnown(ownerId, request.partnerId(), "partnerId");
        links.linkThrough(ownerId, request.partnerId()).ifPresent(link -> {
            throw ProblemException.conflict(ALREADY_LINKED, "Contact " + request.partnerId() + " is linked already (link " + link.id() + ")");
        });
        Instant now = now();
        String code = LinkCode.generate();
        LinkInvitation invitation = new LinkInvitation(UUID.randomUUID(), ownerId, request.partnerId(), now,
                now.plus(config.invitationTtl()), null);
        links.insertInvitation(invitation, LinkCode.sha256(code));
        return LinkInvitationResponse.of(invitation, code);
    }

    @Transactional
    public LinkInvitationResponse invitation(UUID ownerId, UUID id) {
        return links.invitation(ownerId, id).map(invitation -> LinkInvitationResponse.of(invitation, null))
                .orElseThrow(() -> ProblemException.notFound("link invitation", id));
    }

    /** Withdraws an invitation: its code can no longer be accepted (a link it made stays). */
    @Transactional
    public void revoke(UUID ownerId, UUID id) {
        if (links.deleteInvitation(ownerId, id) == 0) {
            throw ProblemException.notFound("link invitation", id);
        }
    }

    /** Accepts an invitation: both sides of the link in one transaction, and an event for each member. */
    @Transactional
    public LinkResponse accept(UUID ownerId, LinkRequest request) {
        Instant now = now();
        LinkInvitation invitation = links.invitationByCodeForUpdate(LinkCode.sha256(request.code()))
                .filter(found -> found.acceptedAt() == null && found.expiresAt().isAfter(now)
                        && contacts.isKnown(found.ownerId(), found.partnerId()))
                .orElseThrow(() -> new ProblemException(Problem.of(UNKNOWN_CODE, "Unknown invitation code", 422,
                        "No invitation waits with this code: it is mistyped, expired, withdrawn or accepted already")
                        .withError("code", "is not the code of an invitation waiting")));
        if (invitation.ownerId().equals(ownerId)) {
            throw new ProblemException(Problem.of(OWN_CODE, "Own invitation code", 422,
                    "This invitation is the caller's own: the member invited accepts it").withError("code", "is the caller's own"));
        }
        contacts.requireKnown(ownerId, request.partnerId(), "partnerId");
        if (links.linkedWith(ownerId, invitation.ownerId())) {
            throw ProblemException.conflict(ALREADY_LINKED, "The caller and the inviting member are linked already");
        }
        UUID id = UUID.randomUUID();
        MemberLink accepting = new MemberLink(id, ownerId, request.partnerId(), invitation.ownerId(), now);
        MemberLink inviting = new MemberLink(id, invitation.ownerId(), invitation.partnerId(), ownerId, now);
        if (!links.insertBothSides(accepting, inviting)) {
            throw ProblemException.conflict(ALREADY_LINKED, "Contact " + request.partnerId()
                    + " is linked already, or the inviting member's contact is: unlink it first");
        }
        links.markAccepted(invitation.id(), now);
        outbox.publish(ownerId, new ReferralLinked(id, accepting.partnerId(), now));
        outbox.publish(invitation.ownerId(), new ReferralLinked(id, inviting.partnerId(), now));
        return LinkResponse.of(accepting);
    }

    @Transactional
    public Page<LinkResponse> list(UUID ownerId, PageRequest page) {
        return Page.of(links.page(ownerId, page), page, link -> new Cursor(link.linkedAt(), link.id()), LinkResponse::of);
    }

    @Transactional
    public LinkResponse get(UUID ownerId, UUID id) {
        return LinkResponse.of(owned(ownerId, id));
    }

    @Transactional
    public void unlink(UUID ownerId, UUID id) {
        remove(owned(ownerId, id).id());
    }

    /** Undoes every link of the owner's, as an unlink would: for an account's erasure. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void unlinkAll(UUID ownerId) {
        links.all(ownerId).forEach(link -> remove(link.id()));
    }

    /** Where a referral the owner gives to {@code partnerId} is shared, if that contact is a linked member. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<SharedReferrals.Receiver> receiverOf(UUID ownerId, UUID partnerId) {
        return links.linkThrough(ownerId, partnerId)
                .flatMap(link -> links.link(link.peerOwnerId(), link.id()))
                .map(other -> new SharedReferrals.Receiver(other.id(), other.ownerId(), other.partnerId()));
    }

    /** A member's contact for a linked member is gone: so is the link. */
    void onContactGone(@Observes ContactGone gone) {
        links.linkThrough(gone.ownerId(), gone.contactId()).ifPresent(link -> {
            remove(link.id());
            Log.debugf("Link %s undone: contact %s is gone", link.id(), gone.contactId());
        });
    }

    private void remove(UUID linkId) {
        Instant now = now();
        List<MemberLink> sides = links.deleteBothSides(linkId);
        sharedReferrals.unshare(linkId);
        sides.forEach(side -> outbox.publish(side.ownerId(), new ReferralUnlinked(linkId, side.partnerId(), now)));
    }

    private MemberLink owned(UUID ownerId, UUID id) {
        return links.link(ownerId, id).orElseThrow(() -> ProblemException.notFound("link", id));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
