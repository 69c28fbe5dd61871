package dev.rapport.contacts.stage;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One entry of a contact's stage history; the first, at creation, has no {@code fromStage}. */
@Entity
@Table(name = "contact_stage_change")
public class StageChange extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "contact_id")
    public UUID contactId;
    @Column(name = "owner_id")
    public UUID ownerId;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_stage")
    public RelationshipStage fromStage;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_stage")
    public RelationshipStage toStage;
    public String reason;
    @Column(name = "changed_at")
    public Instant changedAt;
}
