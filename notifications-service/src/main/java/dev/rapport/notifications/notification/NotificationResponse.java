package dev.rapport.notifications.notification;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A notification in the owner's inbox. */
@Schema(name = "Notification")
public record NotificationResponse(
        UUID id,
        @Schema(description = "The rule that raised it", examples = "referral.unreturned") String rule,
        @Schema(description = "What it is about: a contact, partner, referral, one-to-one, reservation or webhook id") UUID subjectId,
        String subjectName,
        @Schema(description = "How far the rule's condition has gone: DUE, then OVERDUE (which supersedes DUE)") Threshold threshold,
        String title,
        String message,
        @Schema(description = "Where its subject is in the API", examples = "/contacts/0b9c7a52-8f3e-4d59-9a53-3f6c2f1d8e11") String link,
        @Schema(description = "OPEN while the condition holds, RESOLVED once dealt with") Notification.Status status,
        Instant createdAt,
        Instant readAt,
        Instant dismissedAt,
        Instant resolvedAt,
        @Schema(description = "Out of sight until then (it comes back unread)") Instant snoozedUntil,
        @Schema(description = "The summary notification it is grouped under, when one sweep raised too many at once; absent otherwise")
        UUID groupId,
        @Schema(description = "For a summary notification: how many notifications it groups (listed with ?groupId= its id); absent otherwise",
                examples = "26814") Integer memberCount) {

    static NotificationResponse of(Notification n) {
        return new NotificationResponse(n.id, n.rule, n.subjectId, n.subjectName, n.threshold, n.title, n.message, n.link, n.status,
                n.createdAt, n.readAt, n.dismissedAt, n.resolvedAt, n.snoozedUntil, n.groupId, n.memberCount);
    }
}
