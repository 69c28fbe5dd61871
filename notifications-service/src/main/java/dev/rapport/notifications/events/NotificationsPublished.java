package dev.rapport.notifications.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A CDI event fired inside the transaction that publishes notification events (to the outbox
 * and the owners' webhooks), once for all the events it publishes, for whatever else tells the
 * owner, such as the live stream.
 */
public record NotificationsPublished(List<Published> events) {

    /** @param eventId the CloudEvent id, the same on Kafka and in webhooks */
    public record Published(UUID ownerId, UUID eventId, NotificationEvent event, Instant time) {
    }
}
