package dev.rapport.notifications.events;

import java.time.Instant;
import java.util.UUID;

import dev.rapport.notifications.notification.Threshold;

/** What a notification was about has been dealt with (e.g. a touchpoint ended a stall). */
public record NotificationResolved(
        UUID notificationId,
        String rule,
        UUID subjectId,
        Threshold threshold,
        Instant resolvedAt) implements NotificationEvent {

    public static final String TYPE = "rapport.notification.resolved.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public UUID subject() {
        return notificationId;
    }
}
