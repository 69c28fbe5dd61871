package dev.rapport.notifications.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A CDI event fired inside the transaction that publishes a notification event (to the outbox
 * and the owner's webhooks), for whatever else tells the owner, such as the live stream.
 *
 * @param eventId the CloudEvent id, the same on Kafka and in webhooks
 */
public record NotificationPublished(UUID ownerId, UUID eventId, NotificationEvent event, Instant time) {
}
