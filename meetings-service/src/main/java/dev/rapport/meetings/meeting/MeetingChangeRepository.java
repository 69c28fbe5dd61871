package dev.rapport.meetings.meeting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class MeetingChangeRepository implements PanacheRepositoryBase<MeetingChange, Long> {

    /** Records a move of the meeting, with the time and place it now has. */
    void record(Meeting meeting, MeetingStatus from, Instant at) {
        MeetingChange change = new MeetingChange();
        change.meetingId = meeting.id;
        change.from = from;
        change.to = meeting.status;
        change.scheduledFor = meeting.scheduledFor;
        change.location = meeting.location;
        change.changedAt = at;
        persist(change);
    }

    /** Every move of the meeting, oldest first. */
    List<MeetingChange> history(UUID meetingId) {
        return list("meetingId = ?1 order by id", meetingId);
    }
}
