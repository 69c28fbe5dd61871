package dev.rapport.referrals.referral;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import dev.rapport.platform.idempotency.IdempotencyStore;
import dev.rapport.platform.outbox.Outbox;
import dev.rapport.referrals.contacts.ContactErasure;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The right to be forgotten in an append-only ledger. The ledger's facts (statuses, values,
 * times, authors) name nobody; what names a person — the referred person's name and details,
 * the need, notes, and the entries' notes kept beside the ledger — lives outside the entries and
 * is what erasure removes. So erasure never changes or removes an entry.
 */
@ApplicationScoped
class ReferralErasure {

    private final ReferralRepository referrals;
    private final Outbox outbox;
    private final IdempotencyStore idempotency;
    private final Clock clock;

    ReferralErasure(ReferralRepository referrals, Outbox outbox, IdempotencyStore idempotency, Clock clock) {
        this.referrals = referrals;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    void onContactErased(@Observes ContactErasure erasure) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // Flushed first: the session must not write back a name the statements below removed.
        referrals.getEntityManager().flush();
        List<UUID> about = referrals.anonymise(erasure.ownerId(), erasure.contactId(), now);
        // Their given/received events carry the person's name: what is still in the outbox goes.
        about.forEach(id -> outbox.forgetSubject(erasure.ownerId(), id));
        // A stored Idempotency-Key answer of a referral about or with the person names them too.
        idempotency.forgetAnswersMentioning(erasure.ownerId(), erasure.contactId().toString());
        referrals.getEntityManager().clear();
        Log.debugf("Contact %s erased: %d referrals about them anonymised", erasure.contactId(), about.size());
    }
}
