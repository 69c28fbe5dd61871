package dev.rapport.notifications.rules;

import java.time.Instant;

import dev.rapport.notifications.notification.NotificationContent;
import dev.rapport.notifications.notification.Threshold;

/**
 * A rule's decision about one subject at one time.
 *
 * @param threshold  the threshold that holds now, null when none does (open notifications resolve)
 * @param content    what the notification says, with {@code threshold}
 * @param nextDueAt  when to review the subject again if no event comes first; null: only an event
 *                   (or a settings change) can change the verdict. Always after the time evaluated.
 */
public record Verdict(Threshold threshold, NotificationContent content, Instant nextDueAt) {

    public static Verdict holds(Threshold threshold, NotificationContent content, Instant nextDueAt) {
        return new Verdict(threshold, content, nextDueAt);
    }

    public static Verdict clear(Instant nextDueAt) {
        return new Verdict(null, null, nextDueAt);
    }

    public static final Verdict NOTHING = new Verdict(null, null, null);
}
