package dev.rapport.meetings.events;

import dev.rapport.platform.outbox.DomainEvent;

/** What meetings-service publishes about networking events and who was met there, on {@code rapport.meetings.v1}. */
public sealed interface NetworkingEventChange extends DomainEvent
        permits NetworkingEventCreated, NetworkingEventUpdated, NetworkingEventDeleted, AttendeeAdded, AttendeeRemoved {
}
