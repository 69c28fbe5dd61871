package dev.rapport.referrals.referral;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

import dev.rapport.platform.http.Cursor;
import dev.rapport.platform.http.ETags;
import dev.rapport.platform.http.Page;
import dev.rapport.platform.http.PageRequest;
import dev.rapport.platform.http.ProblemException;
import dev.rapport.platform.outbox.Outbox;
import dev.rapport.referrals.contacts.ContactReplicaRepository;
import dev.rapport.referrals.events.ReferralEvent;
import dev.rapport.referrals.events.ReferralGiven;
import dev.rapport.referrals.events.ReferralLost;
import dev.rapport.referrals.events.ReferralReceived;
import dev.rapport.referrals.events.ReferralStatusChanged;
import dev.rapport.referrals.events.ReferralThanked;
import dev.rapport.referrals.events.ReferralWon;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The rules of the referral ledger; recording a referral publishes its event in the same transaction. */
@ApplicationScoped
public class ReferralService {

    /** The problem type of a reversal with nothing to reverse. */
    public static final String NOTHING_TO_REVERSE = "nothing-to-reverse";
    /** The problem type of thanks for a referral that is not a won one received, or was thanked for already. */
    public static final String CANNOT_THANK = "cannot-thank";
    /** The problem type of a change to a referral that has all the entries it may have. */
    public static final String LEDGER_FULL = "too-many-entries";
    /** The problem type of a change to a referral given that follows the linked receiver's copy. */
    public static final String FOLLOWS_RECEIVER = "follows-linked-member";
    /** The most entries one referral can have: its history is answered whole. */
    public static final int MAX_ENTRIES = 100;

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
        contacts.requireKnown(ownerId, request.partnerId(), "partnerId");
        String referredName = referredName(ownerId, request);
        boolean agreed = Boolean.TRUE.equals(request.referredAgreedToContact());
        if (!agreed && (request.referredEmail() != null || request.referredPhone() != null)) {
            throw ProblemException.invalid("referredAgreedToContact",
                    "must be true to record the referred person's email or phone");
        }
        Referral referral = new Referral();
        referral.id = UUID.randomUUID();
        referral.ownerId = ownerId;
        referral.direction = request.direction();
        referral.partnerId = request.partnerId();
        referral.referredContactId = request.referredContactId();
        referral.referredName = referredName;
        referral.referredCompany = request.referredCompany();
        referral.referredEmail = request.referredEmail();
        referral.referredPhone = request.referredPhone();
        referral.referredAgreedToContact = agreed;
        referral.need = request.need();
        referral.warmth = request.warmth();
        referral.occurredAt = request.occurredAt().truncatedTo(ChronoUnit.MICROS);
        referral.notes = request.notes();
        referral.status = ReferralStatus.OPEN;
        referral.statusAt = referral.occurredAt;
        referral.entryCount = 1;
        referral.createdAt = now;
        referrals.persistAndFlush(referral);
        referrals.append(ReferralEntry.opened(referral), null);
        outbox.publish(ownerId, switch (referral.direction) {
            case GIVEN -> new ReferralGiven(referral.id, referral.partnerId, referral.referredName, referral.need, referral.occurredAt);
            case RECEIVED -> new ReferralReceived(referral.id, referral.partnerId, referral.referredName, referral.need, referral.occurredAt, null);
        });
        return new Versioned(ReferralResponse.of(referral), referral.version);
    }

    /** The name given, or the referred contact's; the referred person is never the partner. */
    private String referredName(UUID ownerId, ReferralRequest request) {
        if (request.referredContactId() == null) {
            if (request.referredName() == null) {
                throw ProblemException.invalid("referredName", "is required unless referredContactId names a contact");
            }
            return request.referredName().strip();
        }
        if (request.referredContactId().equals(request.partnerId())) {
            throw ProblemException.invalid("referredContactId", "must not be the partner");
        }
        String name = contacts.nameOf(ownerId, request.referredContactId())
                .orElseThrow(() -> ContactReplicaRepository.unknownContact("referredContactId", request.referredContactId()));
        return request.referredName() != null ? request.referredName().strip() : name;
    }

    /**
     * Moves the referral to its next status: a new ledger entry, the referral's current status
     * and value with it, and the events, in one transaction.
     */
    @Transactional
    public Versioned changeStatus(UUID ownerId, UUID id, String ifMatch, StatusChangeRequest request) {
        Referral referral = owned(ownerId, id);
        ETags.checkIfMatch(ifMatch, referral.version);
        refuseIfFollowing(referral);
        Lifecycle.check(referral.status, request.to(), request.value());
        Instant now = now();
        Instant at = request.at() == null ? now : request.at().truncatedTo(ChronoUnit.MICROS);
        if (at.isAfter(now)) {
            throw ProblemException.invalid("at", "must not be in the future");
        }
        if (at.isBefore(referral.statusAt)) {
            throw ProblemException.invalid("at", "must not be before the current status was reached (" + referral.statusAt + ")");
        }
        // Scaled as the ledger stores it, so that what is answered and published equals what is stored.
        Money value = request.value() == null ? null : Money.of(request.value().decimal(), request.value().currency());
        applyStatus(referral, request.to(), value, at, ownerId, request.note());
        return new Versioned(ReferralResponse.of(referral), referral.version);
    }

    /** Records a status entry whose move was checked, by {@code authorId}, and publishes its events. */
    void applyStatus(Referral referral, ReferralStatus to, Money value, Instant at, UUID authorId, String note) {
        ReferralStatus from = referral.status;
        ReferralEntry entry = new ReferralEntry(referral.id, nextSeq(referral), EntryKind.STATUS, to,
                value == null ? null : value.decimal(), value == null ? null : value.currency(), at, now(), authorId, null);
        referral.status = to;
        referral.statusAt = at;
        referral.wonAmount = entry.valueAmount();
        referral.wonCurrency = entry.valueCurrency();
        record(referral, entry, note);
        List<ReferralEvent> events = new ArrayList<>();
        events.add(new ReferralStatusChanged(referral.id, referral.partnerId, referral.direction, from, referral.status, at, false, value));
        switch (referral.status) {
            case WON -> events.add(new ReferralWon(referral.id, referral.partnerId, referral.direction, value, at));
            case LOST, DECLINED -> events.add(new ReferralLost(referral.id, referral.partnerId, referral.direction, referral.status, at));
            case OPEN, CONTACTED, MEETING -> {
                // the status change says it all
            }
        }
        outbox.publishAll(referral.ownerId, events);
    }

    /**
     * Corrects the referral: a reversal entry undoes its latest status entry not yet reversed
     * (never the first, OPEN), the value of a WON one with it. Entries before stay as they were.
     */
    @Transactional
    public Versioned reverse(UUID ownerId, UUID id, String ifMatch, ReversalRequest request) {
        Referral referral = owned(ownerId, id);
        ETags.checkIfMatch(ifMatch, referral.version);
        refuseIfFollowing(referral);
        if (!applyReversal(referral, ownerId, request == null ? null : request.note())) {
            throw ProblemException.conflict(NOTHING_TO_REVERSE,
                    "Referral " + id + " is at its first entry (OPEN): there is no status to reverse");
        }
        return new Versioned(ReferralResponse.of(referral), referral.version);
    }

    /**
     * Records a reversal entry of the latest status entry not yet reversed, by {@code authorId},
     * and publishes it; answers false when only the first entry (OPEN) stands.
     */
    boolean applyReversal(Referral referral, UUID authorId, String note) {
        Deque<ReferralEntryResponse> standing = new ArrayDeque<>();
        for (ReferralEntryResponse entry : referrals.entries(referral.id)) {
            switch (entry.kind()) {
                case STATUS -> standing.push(entry);
                case REVERSAL -> standing.pop();
                case THANKED -> {
                    // thanks change no status
                }
            }
        }
        if (standing.size() < 2) {
            return false;
        }
        ReferralEntryResponse reversed = standing.pop();
        ReferralEntryResponse restored = standing.peek();
        Instant now = now();
        Money value = reversed.value() == null ? null : reversed.value().negated();
        ReferralEntry entry = new ReferralEntry(referral.id, nextSeq(referral), EntryKind.REVERSAL, restored.status(),
                value == null ? null : value.decimal(), value == null ? null : value.currency(), now, now, authorId, reversed.seq());
        referral.status = restored.status();
        referral.statusAt = restored.at();
        referral.wonAmount = null;
        referral.wonCurrency = null;
        // Thanks were for the win just reversed; the THANKED entry stays in the history.
        referral.thankedAt = null;
        record(referral, entry, note);
        outbox.publish(referral.ownerId, new ReferralStatusChanged(referral.id, referral.partnerId, referral.direction,
                reversed.status(), referral.status, now, true, null));
        return true;
    }

    /** The owner thanked the partner for a won referral received from them: a THANKED entry, the status stays WON. */
    @Transactional
    public Versioned thank(UUID ownerId, UUID id, String ifMatch, ThanksRequest request) {
        Referral referral = owned(ownerId, id);
        ETags.checkIfMatch(ifMatch, referral.version);
        if (referral.direction != Direction.RECEIVED || referral.status != ReferralStatus.WON) {
            throw ProblemException.conflict(CANNOT_THANK, "Only a WON referral received can be thanked for; referral "
                    + id + " is " + referral.direction + " and " + referral.status);
        }
        if (referral.thankedAt != null) {
            throw ProblemException.conflict(CANNOT_THANK, "Referral " + id + " was thanked for at " + referral.thankedAt);
        }
        applyThanks(referral, ownerId, request == null ? null : request.note());
        return new Versioned(ReferralResponse.of(referral), referral.version);
    }

    /** Records a THANKED entry by {@code authorId} (the status stays WON) and publishes it. */
    void applyThanks(Referral referral, UUID authorId, String note) {
        Instant now = now();
        ReferralEntry entry = new ReferralEntry(referral.id, nextSeq(referral), EntryKind.THANKED, referral.status,
                null, null, now, now, authorId, null);
        referral.thankedAt = now;
        record(referral, entry, note);
        outbox.publish(referral.ownerId, new ReferralThanked(referral.id, referral.partnerId, referral.direction, now));
    }

    /** The referral's ledger entries, first to last; at most {@value #MAX_ENTRIES}, so never paged. */
    @Transactional
    public Page<ReferralEntryResponse> history(UUID ownerId, UUID id) {
        Referral referral = owned(ownerId, id);
        return new Page<>(referrals.entries(referral.id), null);
    }

    private int nextSeq(Referral referral) {
        if (referral.entryCount >= MAX_ENTRIES) {
            throw ProblemException.conflict(LEDGER_FULL, "Referral " + referral.id + " has " + MAX_ENTRIES
                    + " entries, the most one referral can have");
        }
        return referral.entryCount + 1;
    }

    /**
     * Writes the entry and the referral's new state. The version check of the flush makes a
     * concurrent change of the same referral fail (409) rather than both entries taking one seq.
     */
    private void record(Referral referral, ReferralEntry entry, String note) {
        referral.entryCount = entry.seq();
        referrals.getEntityManager().flush();
        referrals.append(entry, note);
    }

    /** A referral given that was shared with a linked member follows their copy: its owner does not move it. */
    private static void refuseIfFollowing(Referral referral) {
        if (referral.follows()) {
            throw ProblemException.conflict(FOLLOWS_RECEIVER, "Referral " + referral.id + " was shared with a linked member: "
                    + "it follows the changes they make to their copy (unlink to change it yourself)");
        }
    }

    private Referral owned(UUID ownerId, UUID id) {
        return referrals.findOwned(ownerId, id).orElseThrow(() -> ProblemException.notFound("referral", id));
    }

    @Transactional
    public Versioned get(UUID ownerId, UUID id) {
        Referral referral = owned(ownerId, id);
        return new Versioned(ReferralResponse.of(referral), referral.version);
    }

    @Transactional
    public Page<ReferralResponse> list(UUID ownerId, PageRequest page, UUID partnerId, Direction direction) {
        return Page.of(referrals.page(ownerId, page, partnerId, direction), page, r -> new Cursor(r.occurredAt, r.id),
                ReferralResponse::of);
    }

    private Instant now() {
        // PostgreSQL keeps microseconds; truncating here makes the answer equal what is stored.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
