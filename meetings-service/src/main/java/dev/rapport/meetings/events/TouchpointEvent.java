package dev.rapport.meetings.events;

import dev.rapport.platform.outbox.DomainEvent;

/** What meetings-service publishes about touchpoints on {@code rapport.meetings.v1}. */
public sealed interface TouchpointEvent extends DomainEvent permits TouchpointLogged, TouchpointDeleted {
}
