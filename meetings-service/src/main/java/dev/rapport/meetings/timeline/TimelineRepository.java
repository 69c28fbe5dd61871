package dev.rapport.meetings.timeline;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import dev.rapport.meetings.meeting.MeetingStage;
import dev.rapport.meetings.meeting.MeetingStatus;
import dev.rapport.meetings.touchpoint.TouchpointKind;
import dev.rapport.platform.http.PageRequest;
import dev.rapport.platform.time.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/** One contact's one-to-ones, touchpoints and networking events, merged in one query. */
@ApplicationScoped
public class TimelineRepository {

    private static final String ENTRIES = """
            select kind, id, at, stage, status, touchpoint, event_name from (
                select 'ONE_TO_ONE' as kind, m.id,
                       coalesce(case m.status when 'HELD' then m.held_at when 'CANCELLED' then m.cancelled_at
                                              when 'DECLINED' then m.answered_at when 'NO_RESPONSE' then m.answered_at
                                              else coalesce(m.scheduled_for, m.invited_at) end, m.created_at) as at,
                       m.stage, m.status, null as touchpoint, null as event_name
                from meeting m where m.owner_id = :owner and m.contact_id = :contact
                union all
                select 'TOUCHPOINT', t.id, t.occurred_at, null, null, t.kind, null
                from touchpoint t where t.owner_id = :owner and t.contact_id = :contact
                union all
                select 'NETWORKING_EVENT', e.id, e.starts_at, null, null, null, e.name
                from attendance a join networking_event e on e.id = a.event_id
                where a.owner_id = :owner and a.contact_id = :contact
            ) entries
            """;

    private final EntityManager entityManager;

    TimelineRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** One page, newest first, one row more than asked to tell if more follow. */
    List<TimelineEntry> page(UUID ownerId, UUID contactId, PageRequest page) {
        String after = page.after() == null ? "" : " where at < :time or (at = :time and id < :id)";
        Query query = entityManager.createNativeQuery(ENTRIES + after + " order by at desc, id desc limit :limit")
                .setParameter("owner", ownerId).setParameter("contact", contactId).setParameter("limit", page.limit() + 1);
        if (page.after() != null) {
            query.setParameter("time", Timestamp.from(page.after().time())).setParameter("id", page.after().id());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(TimelineRepository::entry).toList();
    }

    private static TimelineEntry entry(Object[] row) {
        return new TimelineEntry(TimelineKind.valueOf((String) row[0]), (UUID) row[1], SqlTimes.instant(row[2]),
                row[3] == null ? null : MeetingStage.valueOf((String) row[3]),
                row[4] == null ? null : MeetingStatus.valueOf((String) row[4]),
                row[5] == null ? null : TouchpointKind.valueOf((String) row[5]), (String) row[6]);
    }
}
