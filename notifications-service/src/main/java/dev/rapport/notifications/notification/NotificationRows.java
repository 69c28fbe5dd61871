package dev.rapport.notifications.notification;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The set-based statements behind {@link Notifications}: each takes many owners' subjects as
 * arrays (through {@code unnest}), so a sweep's thousands of decisions cost a few statements.
 * Runs on the transaction's JDBC connection, after the session was flushed.
 */
final class NotificationRows {

    /** A notification a statement resolved; {@code groupId}: the summary it was grouped under, if any. */
    record Resolved(UUID id, UUID ownerId, String rule, UUID subjectId, Threshold threshold, UUID groupId) {
    }

    /** A notification to open, with its id chosen beforehand; {@code groupId}: the summary it would be grouped under, if any. */
    record ToOpen(UUID id, Notifications.Decision decision, UUID groupId) {
    }

    private final Connection connection;

    NotificationRows(Connection connection) {
        this.connection = connection;
    }

    /** Resolves each subject's open notifications of the rule but those of the threshold that holds now (all, if none holds). */
    List<Resolved> resolveAllBut(String rule, List<Notifications.Decision> decisions, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                update notification n set status = 'RESOLVED', resolved_at = ?, snoozed_until = null, version = n.version + 1
                from unnest(?, ?, ?) as d(owner_id, subject_id, threshold)
                where n.owner_id = d.owner_id and n.subject_id = d.subject_id and n.rule = ? and n.status = 'OPEN'
                  and n.threshold is distinct from d.threshold
                returning n.id, n.owner_id, n.rule, n.subject_id, n.threshold, n.group_id""")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setArray(2, array("uuid", decisions, Notifications.Decision::ownerId));
            update.setArray(3, array("uuid", decisions, Notifications.Decision::subjectId));
            update.setArray(4, array("text", decisions, d -> d.threshold() == null ? null : d.threshold().name()));
            update.setString(5, rule);
            return resolved(update);
        }
    }

    /**
     * Resolves the summaries none of whose members is open any more. The summaries are locked
     * first, so that of two transactions resolving a summary's last two members, the later one
     * checks them after the earlier has committed (its statement sees that commit) and resolves it.
     */
    List<Resolved> resolveSummariesWithoutOpenMembers(Collection<UUID> summaries, Instant now) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select id from notification where id = any(?) order by id for update")) {
            lock.setArray(1, connection.createArrayOf("uuid", summaries.toArray()));
            lock.executeQuery().close();
        }
        try (PreparedStatement update = connection.prepareStatement("""
                update notification s set status = 'RESOLVED', resolved_at = ?, snoozed_until = null, version = s.version + 1
                where s.id = any(?) and s.status = 'OPEN'
                  and not exists (select 1 from notification m where m.group_id = s.id and m.status = 'OPEN')
                returning s.id, s.owner_id, s.rule, s.subject_id, s.threshold, s.group_id""")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setArray(2, connection.createArrayOf("uuid", summaries.toArray()));
            return resolved(update);
        }
    }

    private static List<Resolved> resolved(PreparedStatement update) throws SQLException {
        List<Resolved> resolved = new ArrayList<>();
        try (ResultSet rows = update.executeQuery()) {
            while (rows.next()) {
                resolved.add(new Resolved(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class), rows.getString(3),
                        rows.getObject(4, UUID.class), Threshold.valueOf(rows.getString(5)), rows.getObject(6, UUID.class)));
            }
        }
        return resolved;
    }

    /**
     * Opens each notification unless one is already open for its owner, rule, subject and
     * threshold (the unique index decides, so concurrent sweeps cannot raise one twice).
     *
     * @return the ids of those opened
     */
    List<UUID> open(String rule, List<ToOpen> notifications, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into notification (id, owner_id, rule, subject_id, subject_name, threshold, title, message, link,
                    status, created_at, version, group_id)
                select v.id, v.owner_id, ?, v.subject_id, v.subject_name, v.threshold, v.title, v.message, v.link, 'OPEN', ?, 0, v.group_id
                from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?) as v(id, owner_id, subject_id, subject_name, threshold, title, message, link, group_id)
                on conflict (owner_id, rule, subject_id, threshold) where status = 'OPEN' do nothing
                returning id""")) {
            insert.setString(1, rule);
            insert.setTimestamp(2, Timestamp.from(now));
            insert.setArray(3, array("uuid", notifications, ToOpen::id));
            insert.setArray(4, array("uuid", notifications, n -> n.decision().ownerId()));
            insert.setArray(5, array("uuid", notifications, n -> n.decision().subjectId()));
            insert.setArray(6, array("text", notifications, n -> n.decision().content().subjectName()));
            insert.setArray(7, array("text", notifications, n -> n.decision().threshold().name()));
            insert.setArray(8, array("text", notifications, n -> n.decision().content().title()));
            insert.setArray(9, array("text", notifications, n -> n.decision().content().message()));
            insert.setArray(10, array("text", notifications, n -> n.decision().content().link()));
            insert.setArray(11, array("uuid", notifications, ToOpen::groupId));
            List<UUID> opened = new ArrayList<>();
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    opened.add(rows.getObject(1, UUID.class));
                }
            }
            return opened;
        }
    }

    /** Opens the summary notification (its subject is itself) its members were opened under. */
    void openSummary(UUID id, UUID ownerId, String rule, Threshold threshold, NotificationContent content, int members, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into notification (id, owner_id, rule, subject_id, subject_name, threshold, title, message, link,
                    status, created_at, version, member_count)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, 0, ?)""")) {
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
            insert.setInt(11, members);
            insert.executeUpdate();
        }
    }

    /** Takes notifications out of the group they were opened under, as no summary was needed (most were open already). */
    void ungroup(List<UUID> ids) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update notification set group_id = null where id = any(?)")) {
            update.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            update.executeUpdate();
        }
    }

    private <T> Array array(String type, List<T> items, Function<T, Object> value) throws SQLException {
        return connection.createArrayOf(type, items.stream().map(value).toArray());
    }
}
