package dev.rapport.notifications.events;

import java.time.Instant;
import java.util.UUID;

import dev.rapport.notifications.notification.Threshold;

/** A snoozed notification came back, unread, at the time its owner chose; published once per snooze. */
public record NotificationReturned(
        UUID notificationId,
        String rule,
        UUID subjectId,
        Threshold threshold,
        String title,
        String message,
        String link,
        Instant returnedAt) implements NotificationEvent {

    public static final String TYPE = "rapport.notification.returned.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public UUID subject() {
        return notificationId;
    }
}
