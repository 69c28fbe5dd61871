package dev.rapport.meetings.touchpoint;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A lighter contact than a meeting: a call, an email, a message. */
@Entity
public class Touchpoint extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "owner_id")
    public UUID ownerId;
    @Column(name = "contact_id")
    public UUID contactId;
    @Enumerated(EnumType.STRING)
    public TouchpointKind kind;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    public String note;
    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public long version;
}
