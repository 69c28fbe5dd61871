package dev.rapport.notifications.notification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.hibernate.Session;

import dev.rapport.notifications.events.NotificationCreated;
import dev.rapport.notifications.events.NotificationEvent;
import dev.rapport.notifications.events.NotificationPublished;
import dev.rapport.notifications.events.NotificationResolved;
import dev.rapport.notifications.events.NotificationReturned;
import dev.rapport.notifications.webhook.WebhookFanout;
import dev.rapport.platform.outbox.Outbox;
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
    private final Event<NotificationPublished> published;
    private final Clock clock;

    Notifications(EntityManager entityManager, Outbox outbox, WebhookFanout webhooks, Event<NotificationPublished> published, Clock clock) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.webhooks = webhooks;
        this.published = published;
        this.clock = clock;
    }

    /** What a rule decided about one subject: the threshold that holds and what it says, or (threshold null) nothing holds. */
    public record Decision(UUID subjectId, Threshold threshold, NotificationContent content) {

        public static Decision nothingHolds(UUID subjectId) {
            return new Decision(subjectId, null, null);
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
        decide(ownerId, rule, List.of(new Decision(subjectId, threshold, content)), Grouping.NONE);
    }

    /** Resolves the open notifications (of any threshold) of this rule and subject, if there are some. */
    public void resolve(UUID ownerId, String rule, UUID subjectId) {
        decide(ownerId, rule, List.of(Decision.nothingHolds(subjectId)), Grouping.NONE);
    }

    /**
     * Applies a rule's decisions about many subjects of one owner in a few set-based statements:
     * resolves what no longer holds (and what a later threshold supersedes), opens what holds and
     * is not open yet, and publishes each change, or one summary when the new ones are a flood.
     *
     * @return how many notifications were opened
     */
    public int decide(UUID ownerId, String rule, List<Decision> decisions, Grouping grouping) {
        if (decisions.isEmpty()) {
            return 0;
        }
        entityManager.flush();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<NotificationEvent> events = new ArrayList<>();
        entityManager.unwrap(Session.class).doWork(connection -> {
            events.addAll(resolveWhatNoLongerHolds(connection, ownerId, rule, decisions, now));
            List<NotificationCreated> opened = openWhatHolds(connection, ownerId, rule, decisions, now);
            if (opened.size() > grouping.limit()) {
                events.add(summarize(connection, ownerId, rule, opened, grouping.writer(), now));
            } else {
                events.addAll(opened);
            }
        });
        publish(ownerId, events, now);
        return (int) events.stream().filter(NotificationCreated.class::isInstance).count();
    }

    private List<NotificationEvent> resolveWhatNoLongerHolds(Connection connection, UUID ownerId, String rule, List<Decision> decisions,
            Instant now) throws SQLException {
        List<NotificationEvent> resolved = new ArrayList<>();
        Set<UUID> groups = new HashSet<>();
        try (PreparedStatement update = connection.prepareStatement("""
                update notification n set status = 'RESOLVED', resolved_at = ?, snoozed_until = null, version = n.version + 1
                from unnest(?, ?) as d(subject_id, threshold)
                where n.owner_id = ? and n.rule = ? and n.status = 'OPEN' and n.subject_id = d.subject_id
                  and n.threshold is distinct from d.threshold
                returning n.id, n.subject_id, n.threshold, n.group_id""")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setArray(2, connection.createArrayOf("uuid", decisions.stream().map(Decision::subjectId).toArray()));
            update.setArray(3, connection.createArrayOf("text", decisions.stream().map(d -> d.threshold() == null ? null : d.threshold().name()).toArray()));
            update.setObject(4, ownerId);
            update.setString(5, rule);
            try (ResultSet rows = update.executeQuery()) {
                while (rows.next()) {
                    resolved.add(new NotificationResolved(rows.getObject(1, UUID.class), rule, rows.getObject(2, UUID.class),
                            Threshold.valueOf(rows.getString(3)), now));
                    UUID group = rows.getObject(4, UUID.class);
                    if (group != null) {
                        groups.add(group);
                    }
                }
            }
        }
        if (!groups.isEmpty()) {
            resolved.addAll(resolveSummariesWithoutOpenMembers(connection, rule, groups, now));
        }
        return resolved;
    }

    /** A summary is resolved with the last of its members. */
    private List<NotificationEvent> resolveSummariesWithoutOpenMembers(Connection connection, String rule, Set<UUID> summaries, Instant now)
            throws SQLException {
        List<NotificationEvent> resolved = new ArrayList<>();
        try (PreparedStatement update = connection.prepareStatement("""
                update notification s set status = 'RESOLVED', resolved_at = ?, snoozed_until = null, version = s.version + 1
                where s.id = any(?) and s.status = 'OPEN'
                  and not exists (select 1 from notification m where m.group_id = s.id and m.status = 'OPEN')
                returning s.id, s.subject_id, s.threshold""")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setArray(2, connection.createArrayOf("uuid", summaries.toArray()));
            try (ResultSet rows = update.executeQuery()) {
                while (rows.next()) {
                    resolved.add(new NotificationResolved(rows.getObject(1, UUID.class), rule, rows.getObject(2, UUID.class),
                            Threshold.valueOf(rows.getString(3)), now));
                }
            }
        }
        return resolved;
    }

    private List<NotificationCreated> openWhatHolds(Connection connection, UUID ownerId, String rule, List<Decision> decisions, Instant now)
            throws SQLException {
        Map<UUID, Decision> byId = new LinkedHashMap<>();
        decisions.stream().filter(d -> d.threshold() != null).forEach(d -> byId.put(UUID.randomUUID(), d));
        if (byId.isEmpty()) {
            return List.of();
        }
        Collection<Decision> holding = byId.values();
        List<NotificationCreated> opened = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into notification (id, owner_id, rule, subject_id, subject_name, threshold, title, message, link,
                    status, created_at, version)
                select v.id, ?, ?, v.subject_id, v.subject_name, v.threshold, v.title, v.message, v.link, 'OPEN', ?, 0
                from unnest(?, ?, ?, ?, ?, ?, ?) as v(id, subject_id, subject_name, threshold, title, message, link)
                on conflict (owner_id, rule, subject_id, threshold) where status = 'OPEN' do nothing
                returning id""")) {
            insert.setObject(1, ownerId);
            insert.setString(2, rule);
            insert.setTimestamp(3, Timestamp.from(now));
            insert.setArray(4, connection.createArrayOf("uuid", byId.keySet().toArray()));
            insert.setArray(5, connection.createArrayOf("uuid", holding.stream().map(Decision::subjectId).toArray()));
            insert.setArray(6, connection.createArrayOf("text", holding.stream().map(d -> d.content().subjectName()).toArray()));
            insert.setArray(7, connection.createArrayOf("text", holding.stream().map(d -> d.threshold().name()).toArray()));
            insert.setArray(8, connection.createArrayOf("text", holding.stream().map(d -> d.content().title()).toArray()));
            insert.setArray(9, connection.createArrayOf("text", holding.stream().map(d -> d.content().message()).toArray()));
            insert.setArray(10, connection.createArrayOf("text", holding.stream().map(d -> d.content().link()).toArray()));
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    Decision d = byId.get(id);
                    NotificationContent c = d.content();
                    opened.add(new NotificationCreated(id, rule, d.subjectId(), c.subjectName(), d.threshold(), c.title(), c.message(), c.link(),
                            now, null));
                }
            }
        }
        return opened;
    }

    /**
     * Makes the notifications just opened members of one summary notification, which lists them
     * behind its link; the summary is the only one the owner is told about.
     */
    private NotificationCreated summarize(Connection connection, UUID ownerId, String rule, List<NotificationCreated> members,
            SummaryWriter writer, Instant now) throws SQLException {
        UUID id = UUID.randomUUID();
        String link = "/notifications?groupId=" + id;
        NotificationContent content = writer.summarize(members.size(), link);
        Threshold threshold = members.stream().map(NotificationCreated::threshold).max(Comparator.naturalOrder()).orElseThrow();
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into notification (id, owner_id, rule, subject_id, subject_name, threshold, title, message, link,
                    status, created_at, version, member_count)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, 0, ?)""");
                PreparedStatement group = connection.prepareStatement("update notification set group_id = ? where id = any(?)")) {
            insert.setObject(1, id);
            insert.setObject(2, ownerId);
            insert.setString(3, rule);
            insert.setObject(4, id);
            insert.setString(5, content.subjectName());
            insert.setString(6, threshold.name());
            insert.setString(7, content.title());
            insert.setString(8, content.message());
            insert.setString(9, content.link());
            insert.setTimestamp(10, Timestamp.from(now));
            insert.setInt(11, members.size());
            insert.executeUpdate();
            group.setObject(1, id);
            group.setArray(2, connection.createArrayOf("uuid", members.stream().map(NotificationCreated::notificationId).toArray()));
            group.executeUpdate();
        }
        return new NotificationCreated(id, rule, id, content.subjectName(), threshold, content.title(), content.message(), content.link(), now,
                members.size());
    }

    /** A snoozed notification came back (see {@link Snoozes}). */
    void returned(Notification notification, Instant now) {
        publish(notification.ownerId, List.of(new NotificationReturned(notification.id, notification.rule, notification.subjectId,
                notification.threshold, notification.title, notification.message, notification.link, now)), now);
    }

    private void publish(UUID ownerId, List<NotificationEvent> events, Instant now) {
        if (events.isEmpty()) {
            return;
        }
        List<UUID> eventIds = outbox.publishAll(ownerId, events);
        webhooks.enqueueAll(ownerId, eventIds, events, now);
        for (int i = 0; i < events.size(); i++) {
            published.fire(new NotificationPublished(ownerId, eventIds.get(i), events.get(i), now));
        }
    }

    /**
     * Forgets an erased person: the owner's notifications about them (which name them), the
     * events still in the outbox and the webhook deliveries that mention them.
     */
    public void forgetSubject(UUID ownerId, UUID subjectId) {
        entityManager.createNativeQuery("delete from notification where owner_id = ?1 and subject_id = ?2")
                .setParameter(1, ownerId).setParameter(2, subjectId)
                .executeUpdate();
        outbox.forgetMentioning(ownerId, subjectId.toString());
        webhooks.forgetDeliveriesMentioning(ownerId, subjectId.toString());
    }
}
