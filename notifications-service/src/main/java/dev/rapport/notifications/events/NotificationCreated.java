package dev.rapport.notifications.events;

import java.time.Instant;
import java.util.UUID;

/** A rule fired: something needs the owner's attention. */
public record NotificationCreated(
        UUID notificationId,
        String rule,
        UUID subjectId,
        String subjectName,
        String title,
        String message,
        Instant createdAt) implements NotificationEvent {

    public static final String TYPE = "rapport.notification.created.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public UUID subject() {
        return notificationId;
    }
}
