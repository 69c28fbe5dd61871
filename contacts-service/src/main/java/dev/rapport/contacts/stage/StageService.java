package dev.rapport.contacts.stage;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.rapport.contacts.contact.Contact;
import dev.rapport.contacts.contact.ContactRepository;
import dev.rapport.contacts.contact.ContactResponse;
import dev.rapport.contacts.contact.ContactService.Versioned;
import dev.rapport.contacts.events.ContactStageChanged;
import dev.rapport.contacts.reservation.Reservation;
import dev.rapport.contacts.reservation.ReservationRepository;
import dev.rapport.platform.http.Cursor;
import dev.rapport.platform.http.ETags;
import dev.rapport.platform.http.Page;
import dev.rapport.platform.http.PageRequest;
import dev.rapport.platform.http.ProblemException;
import dev.rapport.platform.outbox.Outbox;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Moves contacts between relationship stages: checks the move, records it in the history and
 * publishes rapport.contact.stage-changed.v1, all in one transaction.
 */
@ApplicationScoped
public class StageService {

    /** The problem type of a move to PARTNER while reservations are open. */
    public static final String OPEN_RESERVATIONS = "open-reservations";

    private final ContactRepository contacts;
    private final StageChangeRepository changes;
    private final ReservationRepository reservations;
    private final Outbox outbox;
    private final Clock clock;

    StageService(ContactRepository contacts, StageChangeRepository changes, ReservationRepository reservations, Outbox outbox, Clock clock) {
        this.contacts = contacts;
        this.changes = changes;
        this.reservations = reservations;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * The one way a contact's stage changes. Rules that need stored state (such as no PARTNER
     * while reservations are open) go here, after the machine's own check. The contact is locked
     * first, so that such rules and concurrent writes to those rows (raising a reservation locks
     * the contact too) take turns.
     */
    @Transactional
    public Versioned move(UUID ownerId, UUID id, String ifMatch, RelationshipStage to, String reason) {
        Contact contact = contacts.requireOwnedForUpdate(ownerId, id);
        ETags.checkIfMatch(ifMatch, contact.version);
        RelationshipStage from = contact.stage;
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        StageMachine.check(from, to, why);
        if (to == RelationshipStage.PARTNER) {
            refuseOpenReservations(ownerId, id);
        }
        Instant now = now();
        contact.updatedAt = now;
        step(contact, to, why, now);
        contacts.flush();
        return new Versioned(ContactResponse.of(contact), contact.version);
    }

    /**
     * Moves a contact as something that happened in meetings-service implies (see
     * {@link MeetingOutcome}), through every stage in between, each move checked by the machine.
     * The history dates the moves when the outcome happened, or just after the last change if
     * that is later, so that it stays in order. A contact that is not the owner's (deleted
     * since) is left alone.
     *
     * @return whether the contact moved
     */
    @Transactional
    public boolean follow(UUID ownerId, UUID id, MeetingOutcome outcome, Instant happenedAt, String reason) {
        Contact contact = contacts.findOwnedForUpdate(ownerId, id).orElse(null);
        if (contact == null) {
            return false;
        }
        Instant lastChange = changes.latest(id).map(c -> c.changedAt).orElse(Instant.MIN);
        Instant happened = happenedAt.truncatedTo(ChronoUnit.MICROS);
        Optional<RelationshipStage> target = outcome.target(contact.stage, happened.isAfter(lastChange));
        if (target.isEmpty()) {
            Log.debugf("Contact %s stays %s after %s", id, contact.stage, outcome);
            return false;
        }
        Instant at = happened.isAfter(lastChange) ? happened : lastChange.plus(1, ChronoUnit.MICROS);
        contact.updatedAt = now();
        for (RelationshipStage next : MeetingOutcome.path(contact.stage, target.get())) {
            StageMachine.check(contact.stage, next, reason);
            step(contact, next, reason, at);
            at = at.plus(1, ChronoUnit.MICROS);
        }
        contacts.flush();
        return true;
    }

    /** One checked move: the contact's new stage, its history entry and its event. */
    private void step(Contact contact, RelationshipStage to, String reason, Instant at) {
        RelationshipStage from = contact.stage;
        contact.stage = to;
        changes.record(contact.ownerId, contact.id, from, to, reason, at);
        outbox.publish(contact.ownerId, new ContactStageChanged(contact.id, from.name(), to.name(), reason, at));
        Log.debugf("Contact %s moved from %s to %s", contact.id, from, to);
    }

    @Transactional
    public Page<StageChangeResponse> history(UUID ownerId, UUID id, PageRequest page) {
        contacts.requireOwned(ownerId, id);
        return Page.of(changes.page(ownerId, id, page), page, c -> new Cursor(c.changedAt, c.id), StageChangeResponse::of);
    }

    /** A partner is someone the owner has no open doubts with, nor they with the owner. */
    private void refuseOpenReservations(UUID ownerId, UUID id) {
        List<Reservation> open = reservations.open(ownerId, id);
        if (!open.isEmpty()) {
            throw ProblemException.conflict(OPEN_RESERVATIONS, "A contact with open reservations cannot move to PARTNER; "
                    + "resolve or confirm them first: " + open.stream()
                            .map(r -> r.concern + " held by " + r.holder + " (" + r.id + ")")
                            .collect(Collectors.joining(", ")));
        }
    }

    private Instant now() {
        // PostgreSQL keeps microseconds; truncating here makes the answer equal what is stored.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
