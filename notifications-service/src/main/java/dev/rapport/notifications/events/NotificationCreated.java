package dev.rapport.notifications.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.rapport.notifications.notification.Threshold;

/**
 * A rule fired: something needs the owner's attention. When one sweep raised more of a rule's
 * notifications for the owner than the flood limit, only their summary is published: its
 * {@code subjectId} is its own id, {@code memberCount} says how many it groups and {@code link}
 * lists them ({@code /notifications?groupId=...}); {@code memberCount} is null otherwise.
 */
public record NotificationCreated(
        UUID notificationId,
        String rule,
        UUID subjectId,
        String subjectName,
        Threshold threshold,
        String title,
        String message,
        String link,
        Instant createdAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer memberCount) implements NotificationEvent {

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
