package dev.rapport.contacts.meetings;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.rapport.contacts.connection.ConnectionOrigin;
import dev.rapport.contacts.connection.ConnectionService;
import dev.rapport.contacts.contact.Contact;
import dev.rapport.contacts.contact.ContactRepository;
import dev.rapport.contacts.contact.ContactRequest;
import dev.rapport.contacts.contact.ContactService;
import dev.rapport.contacts.contact.ContactSource;
import dev.rapport.contacts.reservation.RaiseReservationRequest;
import dev.rapport.contacts.reservation.ReservationService;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Turns what a held one-to-one yielded into the relationship record: each name given becomes a
 * new PROSPECT introduced by the person met (unless the owner already has them), connected to
 * the person met either way, and each
 * reservation shared becomes an open reservation on the person met. Runs in the consumer's
 * transaction, once per event.
 */
@ApplicationScoped
public class WhatAMeetingYielded {

    /** A person the contact named, as meetings-service publishes it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NameGiven(String name, String company, String email, String phone, String note) {
    }

    private final ContactRepository contacts;
    private final ContactService contactService;
    private final ConnectionService connections;
    private final ReservationService reservations;
    private final Validator validator;

    WhatAMeetingYielded(ContactRepository contacts, ContactService contactService, ConnectionService connections,
            ReservationService reservations, Validator validator) {
        this.contacts = contacts;
        this.contactService = contactService;
        this.connections = connections;
        this.reservations = reservations;
        this.validator = validator;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(UUID ownerId, UUID metId, UUID meetingId, List<NameGiven> namesGiven, List<RaiseReservationRequest> shared) {
        Contact met = contacts.findOwned(ownerId, metId).orElse(null);
        for (NameGiven name : namesGiven) {
            introduce(ownerId, met, meetingId, name);
        }
        if (met == null) {
            Log.debugf("Meeting %s: contact %s is not the owner's (deleted since?); its reservations are not kept", meetingId, metId);
            return;
        }
        for (RaiseReservationRequest reservation : shared) {
            if (valid(reservation, meetingId)) {
                reservations.raise(ownerId, metId, reservation);
            }
        }
    }

    /** A new prospect introduced by the person met, unless the owner already has them (same email, or name and company). */
    private void introduce(UUID ownerId, Contact met, UUID meetingId, NameGiven name) {
        Contact known = contacts.findSamePerson(ownerId, name.email(), name.name(), name.company()).orElse(null);
        if (known != null) {
            Log.debugf("Meeting %s: %s is already a contact", meetingId, name.name());
            connect(ownerId, met, known.id);
            return;
        }
        String named = "Named" + (met == null ? "" : " by " + met.name) + " in a one-to-one";
        ContactRequest request = new ContactRequest(name.name() == null ? null : name.name().strip(), name.company(), null,
                name.email(), name.phone(), null, null, null, List.of(),
                name.note() == null || name.note().isBlank() ? named : named + ": " + name.note().strip(),
                ContactSource.INTRODUCED, met == null ? null : met.id, null, null, null);
        if (valid(request, meetingId)) {
            connect(ownerId, met, contactService.create(ownerId, request).contact().id());
        }
    }

    /** The person met knows the person they named (nothing if that link exists already). */
    private void connect(UUID ownerId, Contact met, UUID named) {
        if (met != null && !met.id.equals(named)) {
            connections.connect(ownerId, met.id, named, "Named in a one-to-one", ConnectionOrigin.INTRODUCTION);
        }
    }

    /** meetings-service checks the same limits; one that fails here is skipped, not the whole meeting. */
    private <T> boolean valid(T request, UUID meetingId) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            Log.warnf("Meeting %s: skipping %s, which breaks %s", meetingId, request.getClass().getSimpleName(),
                    violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).toList());
        }
        return violations.isEmpty();
    }
}
