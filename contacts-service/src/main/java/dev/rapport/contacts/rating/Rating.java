package dev.rapport.contacts.rating;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One know/like/trust rating of a contact; the latest is also kept on the contact. */
@Entity
@Table(name = "contact_rating")
public class Rating extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "owner_id")
    public UUID ownerId;
    @Column(name = "contact_id")
    public UUID contactId;
    public short know;
    @Column(name = "\"like\"")
    public short like;
    public short trust;
    public String note;
    @Column(name = "rated_at")
    public Instant ratedAt;
}
