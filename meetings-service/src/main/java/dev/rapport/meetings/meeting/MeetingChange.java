package dev.rapport.meetings.meeting;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One move of a one-to-one, kept forever: its history, reschedulings included. */
@Entity
@Table(name = "meeting_change")
public class MeetingChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "meeting_id")
    public UUID meetingId;
    /** Null for the first entry: how the one-to-one began. */
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public MeetingStatus from;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public MeetingStatus to;
    @Column(name = "scheduled_for")
    public Instant scheduledFor;
    public String location;
    @Column(name = "changed_at")
    public Instant changedAt;
}
