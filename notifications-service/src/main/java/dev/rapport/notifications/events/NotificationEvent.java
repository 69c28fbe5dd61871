package dev.rapport.notifications.events;

import dev.rapport.platform.outbox.DomainEvent;

/** What notifications-service publishes on {@code rapport.notifications.v1}, and to webhooks. */
public sealed interface NotificationEvent extends DomainEvent permits NotificationCreated, NotificationResolved, NotificationReturned {
}
