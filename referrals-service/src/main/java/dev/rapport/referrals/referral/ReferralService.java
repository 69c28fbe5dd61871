package dev.rapport.referrals.referral;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.rapport.platform.http.Cursor;
import dev.rapport.platform.http.Page;
import dev.rapport.platform.http.PageRequest;
import dev.rapport.platform.http.Problem;
import dev.rapport.platform.http.ProblemException;
import dev.rapport.platform.outbox.Outbox;
import dev.rapport.referrals.contacts.ContactReplicaRepository;
import dev.rapport.referrals.events.ReferralGiven;
import dev.rapport.referrals.events.ReferralReceived;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The rules of the referral ledger; recording a referral publishes its event in the same transaction. */
@ApplicationScoped
public class ReferralService {

    private final ReferralRepository referrals;
    private final ContactReplicaRepository contacts;
    private final Outbox outbox;
    private final Clock clock;

    ReferralService(ReferralRepository referrals, ContactReplicaRepository contacts, Outbox outbox, Clock clock) {
        this.referrals = referrals;
        this.contacts = contacts;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A referral and its version, which the resource turns into an ETag. */
    public record Versioned(ReferralResponse referral, long version) {
    }

    @Transactional
    public Versioned create(UUID ownerId, ReferralRequest request) {
        Instant now = now();
        if (request.occurredAt().isAfter(now)) {
            throw ProblemException.invalid("occurredAt", "must not be in the future");
        }
        if (!contacts.isKnown(ownerId, request.partnerId())) {
            throw unknownContact(request.partnerId());
        }
        Referral referral = new Referral();
        referral.id = UUID.randomUUID();
        referral.ownerId = ownerId;
        referral.direction = request.direction();
        referral.partnerId = request.partnerId();
        referral.referredName = request.referredName().strip();
        referral.need = request.need();
        referral.occurredAt = request.occurredAt().truncatedTo(ChronoUnit.MICROS);
        referral.notes = request.notes();
        referral.status = ReferralStatus.OPEN;
        referral.createdAt = now;
        referrals.persistAndFlush(referral);
        referrals.append(ReferralEntry.opened(referral));
        outbox.publish(ownerId, switch (referral.direction) {
            case GIVEN -> new ReferralGiven(referral.id, referral.partnerId, referral.referredName, referral.need, referral.occurredAt);
            case RECEIVED -> new ReferralReceived(referral.id, referral.partnerId, referral.referredName, referral.need, referral.occurredAt);
        });
        return new Versioned(ReferralResponse.of(referral), referral.version);
    }

    @Transactional
    public Versioned get(UUID ownerId, UUID id) {
        Referral referral = referrals.findOwned(ownerId, id).orElseThrow(() -> ProblemException.notFound("referral", id));
        return new Versioned(ReferralResponse.of(referral), referral.version);
    }

    @Transactional
    public Page<ReferralResponse> list(UUID ownerId, PageRequest page, UUID partnerId, Direction direction) {
        return Page.of(referrals.page(ownerId, page, partnerId, direction), page, r -> new Cursor(r.occurredAt, r.id),
                ReferralResponse::of);
    }

    /** The same answer for a contact that does not exist, was deleted or is another owner's, so nothing leaks. */
    private static ProblemException unknownContact(UUID partnerId) {
        return new ProblemException(Problem.of("unknown-contact", "Unknown contact", 422,
                "No contact " + partnerId + " in the caller's network")
                .withError("partnerId", "is not a contact in the caller's network"));
    }

    private Instant now() {
        // PostgreSQL keeps microseconds; truncating here makes the answer equal what is stored.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
