package dev.rapport.notifications.events;

import java.time.Instant;
import java.util.UUID;

import dev.rapport.notifications.notification.Threshold;

/** A rule fired: something needs the owner's attention. */
public record NotificationCreated(
        UUID notificationId,
        String rule,
        UUID subjectId,
        String subjectName,
        Threshold threshold,
        String title,
        String message,
        String link,
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
