package dev.rapport.notifications.notification;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hibernate.Session;

import dev.rapport.notifications.events.NotificationCreated;
import dev.rapport.notifications.events.NotificationEvent;
import dev.rapport.notifications.events.NotificationsPublished;
import dev.rapport.notifications.events.NotificationResolved;
import dev.rapport.notifications.events.NotificationReturned;
import dev.rapport.notifications.notification.NotificationRows.Resolved;
import dev.rapport.notifications.notification.NotificationRows.ToOpen;
import dev.rapport.notifications.stream.StreamLog;
import dev.rapport.notifications.webhook.WebhookFanout;
import dev.rapport.platform.outbox.Outbox;
import dev.rapport.platform.outbox.Outbox.OwnedEvent;
import dev.rapport.platform.tracing.TraceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Raises and resolves notifications. A notification is published as an event and fanned out
 * to the owner's webhooks in the same transaction that creates it. Many subjects' decisions are
 * applied in a few set-based statements, and a flood of new ones is told as one summary.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Notifications {

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final WebhookFanout webhooks;
    private final Event<NotificationsPublished> published;
    private final StreamLog stream;
    private final Clock clock;

    Notifications(EntityManager entityManager, Outbox outbox, WebhookFanout webhooks, Event<NotificationsPublished> published, StreamLog stream,
            Clock clock) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.webhooks = webhooks;
        this.published = published;
        this.stream = stream;
        this.clock = clock;
    }

    /** What a rule decided about one owner's subject: the threshold that holds and what it says, or (threshold null) nothing holds. */
    public record Decision(UUID ownerId, UUID subjectId, Threshold threshold, NotificationContent content) {

        public static Decision nothingHolds(UUID ownerId, UUID subjectId) {
            return new Decision(ownerId, subjectId, null, null);
        }
    }

    /**
     * How a flood is grouped: when one review raises more than {@code limit} notifications of a
     * rule for one owner, they become members of one summary notification, the only one published.
     */
    public record Grouping(int limit, SummaryWriter writer) {

        /** One subject reviewed after an event: never a flood. */
        public static final Grouping NONE = new Grouping(Integer.MAX_VALUE, (count, link) -> null);
    }

    /**
     * The trace in which the notification events about each subject go out: the trace of the
     * event that made the subject be reviewed, when reviews were deferred to the end of a batch
     * of events; {@code null} for the current one.
     */
    @FunctionalInterface
    public interface SubjectTraces {

        SubjectTraces CURRENT = (rule, ownerId, subjectId) -> null;

        TraceContext of(String rule, UUID ownerId, UUID subjectId);
    }

    /** What a summary of {@code count} notifications of a rule says; {@code link} lists them. */
    @FunctionalInterface
    public interface SummaryWriter {
        NotificationContent summarize(int count, String link);
    }

    /**
     * Opens a notification unless one is already open for this rule, subject and threshold; the
     * unique index decides, so concurrent sweeps and redelivered events cannot raise it twice.
     * An open one of another threshold of the same rule and subject is superseded: resolved.
     */
    public void open(UUID ownerId, String rule, UUID subjectId, Threshold threshold, NotificationContent content) {
        decide(rule, List.of(new Decision(ownerId, subjectId, threshold, content)), Grouping.NONE);
    }

    /** Resolves the open notifications (of any threshold) of this rule and subject, if there are some. */
    public void resolve(UUID ownerId, String rule, UUID subjectId) {
        decide(rule, List.of(Decision.nothingHolds(ownerId, subjectId)), Grouping.NONE);
    }

    /** One rule's decisions, and how a flood of them is grouped. */
    public record RuleDecisions(String rule, List<Decision> decisions, Grouping grouping) {
    }

    /** {@link #decideAll} for one rule. */
    public void decide(String rule, List<Decision> decisions, Grouping grouping) {
        decideAll(List.of(new RuleDecisions(rule, decisions, grouping)));
    }

    /**
     * Applies rules' decisions about many subjects, of one owner or many, in a few set-based
     * statements per rule: resolves what no longer holds (and what a later threshold supersedes),
     * opens what holds and is not open yet, and publishes each change — or, for an owner whose
     * new ones are a flood, one summary of them. Everything is published at once, so that the
     * owners' turns in the outbox are taken once, in one order.
     */
    public void decideAll(List<RuleDecisions> all) {
        decideAll(all, SubjectTraces.CURRENT);
    }

    /** {@link #decideAll(List)}, each subject's events going out in its own trace. */
    public void decideAll(List<RuleDecisions> all, SubjectTraces traces) {
        if (all.stream().allMatch(r -> r.decisions().isEmpty())) {
            return;
        }
        entityManager.flush();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<OwnedEvent> events = new ArrayList<>();
        entityManager.unwrap(Session.class).doWork(connection -> {
            NotificationRows rows = new NotificationRows(connection);
            for (RuleDecisions decisions : all) {
                if (!decisions.decisions().isEmpty()) {
                    events.addAll(resolveWhatNoLongerHolds(rows, decisions.decisions(), decisions.rule(), now, traces));
                    events.addAll(openWhatHolds(rows, decisions, now, traces));
                }
            }
        });
        publish(events, now);
    }

    /**
     * A flood's members were never published one by one, and neither is their resolution: the
     * summary's, with the last of them, is.
     */
    private static List<OwnedEvent> resolveWhatNoLongerHolds(NotificationRows rows, List<Decision> decisions, String rule, Instant now,
            SubjectTraces traces) throws SQLException {
        List<Resolved> resolved = rows.resolveAllBut(rule, decisions, now);
        Function<Resolved, TraceContext> traceOf = r -> traces.of(r.rule(), r.ownerId(), r.subjectId());
        List<OwnedEvent> events = new ArrayList<>(resolvedEvents(resolved.stream().filter(r -> r.groupId() == null).toList(), now, traceOf));
        // A summary's resolution goes out in the trace of a member whose resolution resolved it.
        Map<UUID, TraceContext> groupTraces = new HashMap<>();
        resolved.stream().filter(r -> r.groupId() != null && traceOf.apply(r) != null)
                .forEach(r -> groupTraces.put(r.groupId(), traceOf.apply(r)));
        Set<UUID> groups = resolved.stream().map(Resolved::groupId).filter(Objects::nonNull).collect(Collectors.toSet());
        if (!groups.isEmpty()) {
            events.addAll(resolvedEvents(rows.resolveSummariesWithoutOpenMembers(groups, now), now, r -> groupTraces.get(r.id())));
        }
        return events;
    }

    /** The events of resolved notifications, each in its trace (null: the current one). */
    private static List<OwnedEvent> resolvedEvents(List<Resolved> resolved, Instant now, Function<Resolved, TraceContext> traceOf) {
        return resolved.stream()
                .map(r -> new OwnedEvent(r.ownerId(), new NotificationResolved(r.id(), r.rule(), r.subjectId(), r.threshold(), now),
                        traceOf.apply(r)))
                .toList();
    }

    private static List<OwnedEvent> openWhatHolds(NotificationRows rows, RuleDecisions decisions, Instant now, SubjectTraces traces)
            throws SQLException {
        String rule = decisions.rule();
        Grouping grouping = decisions.grouping();
        // An owner with more to open than the flood limit gets a summary id beforehand, opened under it if it is a flood indeed.
        Map<UUID, Long> holding = decisions.decisions().stream().filter(d -> d.threshold() != null)
                .collect(Collectors.groupingBy(Decision::ownerId, Collectors.counting()));
        Map<UUID, UUID> summaryOf = new HashMap<>();
        holding.forEach((owner, count) -> {
            if (count > grouping.limit()) {
                summaryOf.put(owner, UUID.randomUUID());
            }
        });
        List<ToOpen> toOpen = decisions.decisions().stream().filter(d -> d.threshold() != null)
                .map(d -> new ToOpen(UUID.randomUUID(), d, summaryOf.get(d.ownerId()))).toList();
        if (toOpen.isEmpty()) {
            return List.of();
        }
        Map<UUID, ToOpen> byId = toOpen.stream().collect(Collectors.toMap(ToOpen::id, Function.identity()));
        Map<UUID, List<NotificationCreated>> openedByOwner = new LinkedHashMap<>();
        for (UUID id : rows.open(rule, toOpen, now)) {
            Decision d = byId.get(id).decision();
            NotificationContent c = d.content();
            openedByOwner.computeIfAbsent(d.ownerId(), owner -> new ArrayList<>()).add(new NotificationCreated(id, rule, d.subjectId(),
                    c.subjectName(), d.threshold(), c.title(), c.message(), c.link(), now, null));
        }
        List<OwnedEvent> events = new ArrayList<>();
        for (Map.Entry<UUID, List<NotificationCreated>> owner : openedByOwner.entrySet()) {
            List<NotificationCreated> opened = owner.getValue();
            UUID summary = summaryOf.get(owner.getKey());
            if (summary != null && opened.size() > grouping.limit()) {
                events.add(new OwnedEvent(owner.getKey(), summarize(rows, summary, owner.getKey(), rule, opened, grouping.writer(), now)));
            } else {
                if (summary != null) {
                    rows.ungroup(opened.stream().map(NotificationCreated::notificationId).toList());
                }
                opened.forEach(created -> events.add(new OwnedEvent(owner.getKey(), created, traces.of(rule, owner.getKey(), created.subjectId()))));
            }
        }
        return events;
    }

    /**
     * Opens the summary notification the notifications just opened are members of, which lists
     * them behind its link; the summary is the only one the owner is told about.
     */
    private static NotificationCreated summarize(NotificationRows rows, UUID id, UUID ownerId, String rule, List<NotificationCreated> members,
            SummaryWriter writer, Instant now) throws SQLException {
        NotificationContent content = writer.summarize(members.size(), "/notifications?groupId=" + id);
        Threshold threshold = members.stream().map(NotificationCreated::threshold).max(Comparator.naturalOrder()).orElseThrow();
        rows.openSummary(id, ownerId, rule, threshold, content, members.size(), now);
        return new NotificationCreated(id, rule, id, content.subjectName(), threshold, content.title(), content.message(), content.link(), now,
                members.size());
    }

    /** Snoozed notifications came back (see {@link Snoozes}). */
    void returned(List<Notification> back, Instant now) {
        publish(back.stream().map(n -> new OwnedEvent(n.ownerId, new NotificationReturned(n.id, n.rule, n.subjectId, n.threshold, n.title,
                n.message, n.link, now))).toList(), now);
    }

    private void publish(List<OwnedEvent> events, Instant now) {
        if (events.isEmpty()) {
            return;
        }
        List<UUID> eventIds = outbox.publishAll(events);
        webhooks.enqueueAll(eventIds, events, now);
        List<NotificationsPublished.Published> told = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            told.add(new NotificationsPublished.Published(events.get(i).ownerId(), eventIds.get(i), (NotificationEvent) events.get(i).event(), now));
        }
        published.fire(new NotificationsPublished(told));
    }

    /**
     * Forgets an erased person: the owner's notifications about them (which name them), the
     * events still in the outbox and the webhook deliveries that mention them.
     */
    public void forgetSubject(UUID ownerId, UUID subjectId) {
        @SuppressWarnings("unchecked")
        List<UUID> groups = entityManager.createNativeQuery(
                "delete from notification where owner_id = ?1 and subject_id = ?2 and group_id is not null returning group_id")
                .setParameter(1, ownerId).setParameter(2, subjectId)
                .getResultList();
        entityManager.createNativeQuery("delete from notification where owner_id = ?1 and subject_id = ?2")
                .setParameter(1, ownerId).setParameter(2, subjectId)
                .executeUpdate();
        if (!groups.isEmpty()) {
            // The summary of a flood they were in is resolved if they were its last open member.
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            List<OwnedEvent> events = new ArrayList<>();
            entityManager.unwrap(Session.class).doWork(connection -> events.addAll(
                    resolvedEvents(new NotificationRows(connection).resolveSummariesWithoutOpenMembers(Set.copyOf(groups), now), now, r -> null)));
            publish(events, now);
        }
        outbox.forgetMentioning(ownerId, subjectId.toString());
        webhooks.forgetDeliveriesMentioning(ownerId, subjectId.toString());
        stream.forgetMentioning(ownerId, subjectId.toString());
    }
}
