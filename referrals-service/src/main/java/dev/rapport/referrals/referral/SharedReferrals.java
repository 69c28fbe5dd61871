package dev.rapport.referrals.referral;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import dev.rapport.platform.outbox.Outbox;
import dev.rapport.referrals.events.ReferralReceived;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The ledger's side of the member-to-member exchange. A referral given to a linked member is
 * copied into their ledger as received; the changes they make to their copy (a status, a
 * correction, thanks) are followed by the giver's. Each side owns its copy: the receiver's copy
 * holds what a referral tells its receiver and nothing private of the giver's (notes, contact
 * ids). Called by the exchange package as the events arrive, inside its transaction; each
 * method answers whether it changed anything.
 */
@ApplicationScoped
public class SharedReferrals {

    private final ReferralRepository referrals;
    private final ReferralService service;
    private final Outbox outbox;
    private final Clock clock;

    SharedReferrals(ReferralRepository referrals, ReferralService service, Outbox outbox, Clock clock) {
        this.referrals = referrals;
        this.service = service;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Where a referral given through a link goes: the receiving member and their contact for the giver. */
    public record Receiver(UUID linkId, UUID ownerId, UUID partnerId) {
    }

    /**
     * Copies the giver's referral into the receiver's ledger, OPEN, and marks the giver's as
     * shared. Nothing happens to a referral that moved on or was erased before it could be
     * shared, or that has a copy already.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean share(UUID giverId, UUID referralId, Receiver receiver) {
        Optional<Referral> found = referrals.findOwned(giverId, referralId);
        if (found.isEmpty() || found.get().direction != Direction.GIVEN || found.get().linkId != null
                || found.get().entryCount > 1 || found.get().erasedAt != null) {
            Log.debugf("Referral %s is not shared: gone, not given, already shared, moved on or erased", referralId);
            return false;
        }
        Referral given = found.get();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Referral copy = new Referral();
        copy.id = UUID.randomUUID();
        copy.ownerId = receiver.ownerId();
        copy.direction = Direction.RECEIVED;
        copy.partnerId = receiver.partnerId();
        copy.referredName = given.referredName;
        copy.referredCompany = given.referredCompany;
        // Recorded only with the person's agreement to be contacted, which the copy carries along.
        copy.referredEmail = given.referredEmail;
        copy.referredPhone = given.referredPhone;
        copy.referredAgreedToContact = given.referredAgreedToContact;
        copy.need = given.need;
        copy.warmth = given.warmth;
        copy.occurredAt = given.occurredAt;
        copy.status = ReferralStatus.OPEN;
        copy.statusAt = given.occurredAt;
        copy.entryCount = 1;
        copy.createdAt = now;
        copy.linkId = receiver.linkId();
        copy.peerReferralId = given.id;
        given.linkId = receiver.linkId();
        given.peerReferralId = copy.id;
        referrals.persistAndFlush(copy);
        referrals.append(new ReferralEntry(copy.id, 1, EntryKind.STATUS, ReferralStatus.OPEN, null, null, copy.occurredAt,
                now, giverId, null), null);
        outbox.publish(copy.ownerId, new ReferralReceived(copy.id, copy.partnerId, copy.referredName, copy.need,
                copy.occurredAt, copy.linkId));
        return true;
    }

    /** The receiver moved their copy forward: the giver's follows, when the move is one it can make. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean followStatus(UUID receiverId, UUID copyId, ReferralStatus to, Money value, Instant at) {
        Optional<Referral> following = following(receiverId, copyId);
        if (following.isEmpty()) {
            return false;
        }
        Referral given = following.get();
        if (!given.status.canMoveTo(to) || !Lifecycle.valueFits(to, value) || at.isBefore(given.statusAt)) {
            Log.warnf("Referral %s cannot follow its copy %s from %s to %s at %s", given.id, copyId, given.status, to, at);
            return false;
        }
        service.applyStatus(given, to, value, at.truncatedTo(ChronoUnit.MICROS), receiverId, null);
        return true;
    }

    /** The receiver corrected their copy (a reversal): the giver's reverses its latest status too. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean followReversal(UUID receiverId, UUID copyId) {
        return following(receiverId, copyId).map(given -> service.applyReversal(given, receiverId, null)).orElse(false);
    }

    /** The receiver thanked the giver for their won copy: the giver's records the thanks. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean followThanks(UUID receiverId, UUID copyId) {
        Optional<Referral> following = following(receiverId, copyId);
        if (following.isEmpty() || following.get().status != ReferralStatus.WON || following.get().thankedAt != null) {
            return false;
        }
        service.applyThanks(following.get(), receiverId, null);
        return true;
    }

    /** The giver's referral that follows the receiver's copy, while the link between them stands. */
    private Optional<Referral> following(UUID receiverId, UUID copyId) {
        return referrals.findOwned(receiverId, copyId)
                .filter(copy -> copy.direction == Direction.RECEIVED && copy.linkId != null && copy.peerReferralId != null)
                .flatMap(copy -> referrals.findByIdOptional(copy.peerReferralId)
                        .filter(given -> copy.linkId.equals(given.linkId) && copy.id.equals(given.peerReferralId)));
    }

    /**
     * The link was undone: both sides' shared referrals become their owners' own again (each
     * keeps its copy, history and value; the giver's no longer follows).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int unshare(UUID linkId) {
        referrals.getEntityManager().flush();
        int unshared = referrals.update("linkId = null, version = version + 1 where linkId = ?1", linkId);
        referrals.getEntityManager().clear();
        return unshared;
    }
}
