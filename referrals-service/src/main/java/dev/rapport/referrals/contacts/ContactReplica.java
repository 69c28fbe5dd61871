package dev.rapport.referrals.contacts;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What referrals-service knows of one of the owner's contacts, from contacts-service's events. */
@Entity
@Table(name = "contact_replica")
public class ContactReplica extends PanacheEntityBase {

    @Id
    @Column(name = "contact_id")
    public UUID contactId;
    @Column(name = "owner_id")
    public UUID ownerId;
    public String name;
    public boolean deleted;
    /** The time of the last event applied. */
    @Column(name = "updated_at")
    public Instant updatedAt;
}
