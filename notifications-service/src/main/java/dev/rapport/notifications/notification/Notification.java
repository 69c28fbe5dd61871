package dev.rapport.notifications.notification;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** Something that needs the owner's attention, raised by a rule about one subject. */
@Entity
public class Notification extends PanacheEntityBase {

    public enum Status {
        /** The condition still holds; at most one open notification per rule, subject and threshold. */
        OPEN,
        /** The condition was dealt with. */
        RESOLVED
    }

    @Id
    public UUID id;
    @Column(name = "owner_id")
    public UUID ownerId;
    public String rule;
    @Column(name = "subject_id")
    public UUID subjectId;
    @Column(name = "subject_name")
    public String subjectName;
    @Enumerated(EnumType.STRING)
    public Threshold threshold;
    public String link;
    public String title;
    public String message;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "read_at")
    public Instant readAt;
    @Column(name = "dismissed_at")
    public Instant dismissedAt;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    /** Out of sight until then; it comes back unread, once. */
    @Column(name = "snoozed_until")
    public Instant snoozedUntil;
    /** The summary notification this one is grouped under (a flood), null if it stands alone. */
    @Column(name = "group_id")
    public UUID groupId;
    /** For a summary notification: how many it groups; null otherwise. */
    @Column(name = "member_count")
    public Integer memberCount;
    @Version
    public long version;
}
