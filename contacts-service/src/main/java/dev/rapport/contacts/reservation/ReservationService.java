package dev.rapport.contacts.reservation;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.rapport.contacts.contact.Contact;
import dev.rapport.contacts.contact.ContactRepository;
import dev.rapport.contacts.events.ReservationConfirmed;
import dev.rapport.contacts.events.ReservationRaised;
import dev.rapport.contacts.events.ReservationResolved;
import dev.rapport.contacts.stage.RelationshipStage;
import dev.rapport.contacts.stage.StageService;
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
 * Raises, resolves and confirms reservations about a contact; every change publishes its event
 * in the same transaction. Confirming one is a deal-breaker: it moves the contact to DECLINED
 * through {@link StageService#move}, unless the contact already ended (DECLINED or CLOSED).
 */
@ApplicationScoped
public class ReservationService {

    /** The problem type of resolving or confirming a reservation that is no longer open. */
    public static final String NOT_OPEN = "reservation-not-open";

    private final ReservationRepository reservations;
    private final ContactRepository contacts;
    private final StageService stages;
    private final Outbox outbox;
    private final Clock clock;

    ReservationService(ReservationRepository reservations, ContactRepository contacts, StageService stages, Outbox outbox, Clock clock) {
        this.reservations = reservations;
        this.contacts = contacts;
        this.stages = stages;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A reservation and its version, which the resource turns into an ETag. */
    public record Versioned(ReservationResponse reservation, long version) {
    }

    /**
     * Raises a reservation, whatever the contact's stage: on a DECLINED or CLOSED contact it
     * records why, and it stays open (blocking PARTNER) if the contact is reopened.
     */
    @Transactional
    public Versioned raise(UUID ownerId, UUID contactId, RaiseReservationRequest request) {
        // Locked, so that a concurrent move to PARTNER either sees this reservation or commits first.
        contacts.requireOwnedForUpdate(ownerId, contactId);
        Reservation reservation = new Reservation();
        reservation.id = UUID.randomUUID();
        reservation.ownerId = ownerId;
        reservation.contactId = contactId;
        reservation.holder = request.holder();
        reservation.concern = request.concern();
        reservation.note = request.note().strip();
        reservation.status = ReservationStatus.OPEN;
        reservation.raisedAt = now();
        reservations.persistAndFlush(reservation);
        outbox.publish(ownerId, new ReservationRaised(reservation.id, contactId, reservation.holder.name(),
                reservation.concern.name(), reservation.note, reservation.status.name(), reservation.raisedAt));
        return versioned(reservation);
    }

    @Transactional
    public Versioned get(UUID ownerId, UUID contactId, UUID id) {
        return versioned(owned(ownerId, contactId, id));
    }

    @Transactional
    public Page<ReservationResponse> list(UUID ownerId, UUID contactId, ReservationStatus status, PageRequest page) {
        contacts.requireOwned(ownerId, contactId);
        return Page.of(reservations.page(ownerId, contactId, status, page), page, r -> new Cursor(r.raisedAt, r.id),
                ReservationResponse::of);
    }

    @Transactional
    public Versioned resolve(UUID ownerId, UUID contactId, UUID id, String ifMatch, String note) {
        contacts.requireOwnedForUpdate(ownerId, contactId);
        Reservation reservation = close(ownerId, contactId, id, ifMatch, note, ReservationStatus.RESOLVED);
        outbox.publish(ownerId, new ReservationResolved(reservation.id, contactId, reservation.holder.name(),
                reservation.concern.name(), reservation.closingNote, reservation.status.name(), reservation.closedAt));
        return versioned(reservation);
    }

    /**
     * Confirms a reservation as a deal-breaker and moves the contact to DECLINED, in the same
     * transaction. A contact already DECLINED stays as it is; so does a CLOSED one: closing is
     * the stronger end, with its own reason, and the stage history should keep it.
     */
    @Transactional
    public Versioned confirm(UUID ownerId, UUID contactId, UUID id, String ifMatch, String note) {
        Contact contact = contacts.requireOwnedForUpdate(ownerId, contactId);
        Reservation reservation = close(ownerId, contactId, id, ifMatch, note, ReservationStatus.CONFIRMED);
        outbox.publish(ownerId, new ReservationConfirmed(reservation.id, contactId, reservation.holder.name(),
                reservation.concern.name(), reservation.closingNote, reservation.status.name(), reservation.closedAt));
        if (contact.stage != RelationshipStage.DECLINED && contact.stage != RelationshipStage.CLOSED) {
            stages.move(ownerId, contactId, null, RelationshipStage.DECLINED, "Reservation confirmed: " + reservation.concern);
        }
        return versioned(reservation);
    }

    private Reservation close(UUID ownerId, UUID contactId, UUID id, String ifMatch, String note, ReservationStatus to) {
        Reservation reservation = owned(ownerId, contactId, id);
        ETags.checkIfMatch(ifMatch, reservation.version);
        if (reservation.status != ReservationStatus.OPEN) {
            throw ProblemException.conflict(NOT_OPEN, "Reservation " + id + " is already " + reservation.status
                    + "; only an OPEN reservation can be resolved or confirmed");
        }
        reservation.status = to;
        reservation.closedAt = now();
        reservation.closingNote = note == null || note.isBlank() ? null : note.strip();
        reservations.flush();
        Log.debugf("Reservation %s about contact %s is now %s", id, contactId, to);
        return reservation;
    }

    private Reservation owned(UUID ownerId, UUID contactId, UUID id) {
        return reservations.findOwned(ownerId, contactId, id).orElseThrow(() -> ProblemException.notFound("reservation", id));
    }

    private static Versioned versioned(Reservation reservation) {
        return new Versioned(ReservationResponse.of(reservation), reservation.version);
    }

    private Instant now() {
        // PostgreSQL keeps microseconds; truncating here makes the answer equal what is stored.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
