package dev.rapport.notifications.notification;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A notification in the owner's inbox. */
@Schema(name = "Notification")
public record NotificationResponse(
        UUID id,
        @Schema(description = "The rule that raised it", examples = "referral.unreturned") String rule,
        @Schema(description = "What it is about: a contact or partner id") UUID subjectId,
        String subjectName,
        String title,
        String message,
        @Schema(description = "OPEN while the condition holds, RESOLVED once dealt with") Notification.Status status,
        Instant createdAt,
        Instant readAt,
        Instant dismissedAt,
        Instant resolvedAt) {

    static NotificationResponse of(Notification n) {
        return new NotificationResponse(n.id, n.rule, n.subjectId, n.subjectName, n.title, n.message, n.status,
                n.createdAt, n.readAt, n.dismissedAt, n.resolvedAt);
    }
}
