package dev.rapport.notifications.digest;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.rapport.notifications.notification.NotificationContent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

/** What a digest says: the owner's open notifications by rule, and how many are new since the last digest. */
@ApplicationScoped
class DigestContent {

    /** How a rule's open notifications are counted in a sentence: one, or several. */
    record Label(String one, String several) {
    }

    private static final Map<String, Label> LABELS = Map.ofEntries(
            Map.entry("referral.unreturned", new Label("partner with unreturned referrals", "partners with unreturned referrals")),
            Map.entry("referral.unacknowledged", new Label("referral received waiting for you", "referrals received waiting for you")),
            Map.entry("referral.won", new Label("won referral to thank or celebrate", "won referrals to thank or celebrate")),
            Map.entry("relationship.stalled", new Label("stalled relationship", "stalled relationships")),
            Map.entry("relationship.dormant", new Label("dormant relationship", "dormant relationships")),
            Map.entry("event.follow-up", new Label("person met at an event to invite", "people met at events to invite")),
            Map.entry("meeting.no-response", new Label("unanswered invitation", "unanswered invitations")),
            Map.entry("meeting.ask-who-they-know", new Label("one-to-one to follow up on who they know",
                    "one-to-ones to follow up on who they know")),
            Map.entry("reservation.unresolved", new Label("unresolved reservation", "unresolved reservations")),
            Map.entry("webhook.disabled", new Label("disabled webhook", "disabled webhooks")));

    /** A rule's open notifications (a flood's summary counting its members) and how many of them are new. */
    record OpenCount(String rule, long open, long fresh) {
    }

    private final EntityManager entityManager;

    DigestContent(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * The digest of the owner's inbox at {@code now}; empty when nothing is open (no digest is
     * better than one that says nothing).
     *
     * @param last the previous digest's time; null for the first, which counts as new what came in the last period
     */
    Optional<NotificationContent> of(UUID ownerId, DigestSettings.Frequency frequency, Instant last, Instant now) {
        boolean daily = frequency == DigestSettings.Frequency.DAILY;
        Instant since = last != null ? last : now.minus(Duration.ofDays(daily ? 1 : 7));
        List<OpenCount> counts = open(ownerId, since, now);
        if (counts.isEmpty()) {
            return Optional.empty();
        }
        long open = counts.stream().mapToLong(OpenCount::open).sum();
        long fresh = counts.stream().mapToLong(OpenCount::fresh).sum();
        String lines = counts.stream().map(count -> count.open() + " " + label(count)).collect(Collectors.joining(", "));
        String news = fresh == 0 ? "Nothing new since " + (daily ? "yesterday" : "last week") + "."
                : (fresh == open ? (open == 1 ? "It is" : "All are") : fresh + (fresh == 1 ? " is" : " are")) + " new since "
                        + (daily ? "yesterday" : "last week") + ".";
        String period = daily ? "daily" : "weekly";
        return Optional.of(new NotificationContent(daily ? "Daily digest" : "Weekly digest",
                "Your " + period + " digest: " + open + (open == 1 ? " thing needs you" : " things need you"),
                "Open: " + lines + ". " + news, "/notifications?status=OPEN"));
    }

    private static String label(OpenCount count) {
        Label label = LABELS.getOrDefault(count.rule(), new Label(count.rule() + " notification", count.rule() + " notifications"));
        return count.open() == 1 ? label.one() : label.several();
    }

    private List<OpenCount> open(UUID ownerId, Instant since, Instant now) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                select rule, sum(coalesce(member_count, 1)) as open,
                       coalesce(sum(coalesce(member_count, 1)) filter (where created_at > ?2), 0) as fresh
                from notification
                where owner_id = ?1 and status = 'OPEN' and dismissed_at is null and group_id is null and rule <> ?4
                  and (snoozed_until is null or snoozed_until <= ?3)
                group by rule order by open desc, rule""", Tuple.class)
                .setParameter(1, ownerId).setParameter(2, Timestamp.from(since)).setParameter(3, Timestamp.from(now))
                .setParameter(4, Digests.RULE)
                .getResultList();
        return rows.stream().map(row -> new OpenCount(row.get("rule", String.class), row.get("open", Number.class).longValue(),
                row.get("fresh", Number.class).longValue())).toList();
    }
}
