package dev.rapport.meetings.meeting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A one-to-one meeting of the owner's with one contact. */
@Entity
public class Meeting extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "owner_id")
    public UUID ownerId;
    @Column(name = "contact_id")
    public UUID contactId;
    @Enumerated(EnumType.STRING)
    public MeetingStage stage;
    @Enumerated(EnumType.STRING)
    public MeetingStatus status;
    @Column(name = "scheduled_for")
    public Instant scheduledFor;
    public String location;
    public String agenda;
    @Column(name = "held_at")
    public Instant heldAt;
    public String notes;
    @Column(name = "asked_who_they_know")
    public Boolean askedWhoTheyKnow;
    @Column(name = "both_agreed_to_follow_up")
    public Boolean bothAgreedToFollowUp;
    /** What the meeting yielded besides the booleans, set once HELD. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "common_ground")
    public CommonGround commonGround;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "names_given")
    public List<NameGiven> namesGiven;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "reservations_shared")
    public List<SharedReservation> reservationsShared;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    @Column(name = "invited_at")
    public Instant invitedAt;
    /** When the invitation was accepted, declined or marked unanswered. */
    @Column(name = "answered_at")
    public Instant answeredAt;
    /** A REFERRAL_FIT meeting arranged without a held, agreed DISCOVERY meeting, on purpose. */
    @Column(name = "two_stage_overridden")
    public boolean twoStageOverridden;
    @Column(name = "override_reason")
    public String overrideReason;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
