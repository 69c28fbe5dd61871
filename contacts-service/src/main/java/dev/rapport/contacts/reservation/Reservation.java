package dev.rapport.contacts.reservation;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A reservation about a contact, held by the owner ({@code ME}) or by the contact ({@code THEM}). */
@Entity
public class Reservation extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "owner_id")
    public UUID ownerId;
    @Column(name = "contact_id")
    public UUID contactId;
    @Enumerated(EnumType.STRING)
    public ReservationHolder holder;
    @Enumerated(EnumType.STRING)
    public ReservationConcern concern;
    public String note;
    @Enumerated(EnumType.STRING)
    public ReservationStatus status;
    @Column(name = "raised_at")
    public Instant raisedAt;
    /** When it was resolved or confirmed; null while open. */
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "closing_note")
    public String closingNote;
    @Version
    public long version;
}
