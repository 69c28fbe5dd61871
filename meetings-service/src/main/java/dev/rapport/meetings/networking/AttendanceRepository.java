package dev.rapport.meetings.networking;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.rapport.meetings.meeting.MeetingStage;
import dev.rapport.meetings.meeting.MeetingStatus;
import dev.rapport.platform.http.PageRequest;
import dev.rapport.platform.time.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/** Who the owner met at which event, and where each one's follow-up stands. */
@ApplicationScoped
public class AttendanceRepository {

    /**
     * The people met and their follow-up, one row per contact: {@code met} chooses the
     * attendance (for one event, or the latest event within a window); the invitation is the
     * latest one-to-one arranged since that event began. Deleted contacts are left out.
     */
    private static final String FOLLOW_UPS = """
            with met as (
                select distinct on (a.contact_id) a.contact_id, a.event_id, e.name as event_name, e.starts_at
                from attendance a join networking_event e on e.id = a.event_id
                where a.owner_id = :owner and %s
                order by a.contact_id, e.starts_at desc
            )
            select met.contact_id, c.name, met.event_id, met.event_name, met.starts_at,
                   inv.id, inv.stage, inv.status, inv.sent_at, inv.answered_at, held.at, discovery.at
            from met
            left join contact_replica c on c.contact_id = met.contact_id
            left join lateral (
                select m.id, m.stage, m.status, coalesce(m.invited_at, m.created_at) as sent_at, m.answered_at
                from meeting m
                where m.owner_id = :owner and m.contact_id = met.contact_id and m.created_at >= met.starts_at
                order by m.created_at desc, m.id desc limit 1) inv on true
            left join lateral (
                select max(m.held_at) as at from meeting m
                where m.owner_id = :owner and m.contact_id = met.contact_id and m.status = 'HELD'
                  and m.held_at >= met.starts_at) held on true
            left join lateral (
                select min(m.held_at) as at from meeting m
                where m.owner_id = :owner and m.contact_id = met.contact_id and m.status = 'HELD'
                  and m.stage = 'DISCOVERY') discovery on true
            where not coalesce(c.deleted, false) %s
            """;

    private final EntityManager entityManager;

    AttendanceRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** @return whether the contact was added (false: already recorded as met there) */
    boolean add(UUID ownerId, UUID eventId, UUID contactId, Instant at) {
        return entityManager.createNativeQuery("""
                insert into attendance (event_id, contact_id, owner_id, added_at) values (?1, ?2, ?3, ?4)
                on conflict (event_id, contact_id) do nothing""")
                .setParameter(1, eventId).setParameter(2, contactId).setParameter(3, ownerId).setParameter(4, Timestamp.from(at))
                .executeUpdate() == 1;
    }

    /** @return whether the contact was recorded as met there */
    boolean remove(UUID eventId, UUID contactId) {
        return entityManager.createNativeQuery("delete from attendance where event_id = ?1 and contact_id = ?2")
                .setParameter(1, eventId).setParameter(2, contactId).executeUpdate() == 1;
    }

    /** How many (not deleted) contacts were met at each of the events, in one query; absent means none. */
    Map<UUID, Long> counts(List<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select a.event_id, count(*) from attendance a left join contact_replica c on c.contact_id = a.contact_id
                where a.event_id = any(?1) and not coalesce(c.deleted, false) group by a.event_id""")
                .setParameter(1, eventIds.toArray(UUID[]::new)).getResultList();
        return rows.stream().collect(Collectors.toMap(row -> (UUID) row[0], row -> ((Number) row[1]).longValue()));
    }

    long count(UUID eventId) {
        return ((Number) entityManager.createNativeQuery("""
                select count(*) from attendance a left join contact_replica c on c.contact_id = a.contact_id
                where a.event_id = ?1 and not coalesce(c.deleted, false)""")
                .setParameter(1, eventId).getSingleResult()).longValue();
    }

    /** Forgets every event a contact was met at: for erasure. */
    public void forgetContact(UUID ownerId, UUID contactId) {
        entityManager.createNativeQuery("delete from attendance where owner_id = ?1 and contact_id = ?2")
                .setParameter(1, ownerId).setParameter(2, contactId).executeUpdate();
    }

    /** Everyone met at one event, by name. */
    List<FollowUp> followUps(UUID ownerId, UUID eventId) {
        Query query = entityManager.createNativeQuery(FOLLOW_UPS.formatted("a.event_id = :event", "")
                + " order by c.name, met.contact_id")
                .setParameter("owner", ownerId).setParameter("event", eventId);
        return rows(query);
    }

    /**
     * Everyone met at an event that began at or after {@code since}, at the latest such event,
     * latest first: one page, one row more than asked to tell if more follow.
     *
     * @param invited only those invited since (true), only those not (false), or all (null)
     */
    List<FollowUp> followUpsSince(UUID ownerId, Instant since, Boolean invited, PageRequest page) {
        StringBuilder filter = new StringBuilder();
        if (invited != null) {
            filter.append(invited ? " and inv.id is not null" : " and inv.id is null");
        }
        if (page.after() != null) {
            filter.append(" and (met.starts_at < :time or (met.starts_at = :time and met.contact_id < :id))");
        }
        Query query = entityManager.createNativeQuery(FOLLOW_UPS.formatted("e.starts_at >= :since", filter)
                + " order by met.starts_at desc, met.contact_id desc limit :limit")
                .setParameter("owner", ownerId).setParameter("since", Timestamp.from(since))
                .setParameter("limit", page.limit() + 1);
        if (page.after() != null) {
            query.setParameter("time", Timestamp.from(page.after().time())).setParameter("id", page.after().id());
        }
        return rows(query);
    }

    @SuppressWarnings("unchecked")
    private static List<FollowUp> rows(Query query) {
        return ((List<Object[]>) query.getResultList()).stream().map(AttendanceRepository::followUp).toList();
    }

    private static FollowUp followUp(Object[] row) {
        FollowUp.Invitation invitation = row[5] == null ? null : new FollowUp.Invitation((UUID) row[5],
                MeetingStage.valueOf((String) row[6]), MeetingStatus.valueOf((String) row[7]), SqlTimes.instant(row[8]),
                SqlTimes.instant(row[9]));
        return new FollowUp((UUID) row[0], (String) row[1], (UUID) row[2], (String) row[3], SqlTimes.instant(row[4]),
                invitation, SqlTimes.instant(row[10]), SqlTimes.instant(row[11]));
    }
}
