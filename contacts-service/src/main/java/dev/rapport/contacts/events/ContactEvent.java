package dev.rapport.contacts.events;

import dev.rapport.platform.outbox.DomainEvent;

/**
 * What contacts-service publishes about contacts, their stages, reservations and connections
 * included, on {@code rapport.contacts.v1}.
 */
public sealed interface ContactEvent extends DomainEvent permits ContactCreated, ContactUpdated, ContactDeleted,
        ContactStageChanged, ContactRated, ContactErased, ReservationRaised, ReservationResolved, ReservationConfirmed,
        ContactConnected, ContactDisconnected {
}
