package dev.rapport.meetings.calendar;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An owner's calendar feed: the hash of the secret in its URL. */
@Entity
@Table(name = "calendar_feed")
public class CalendarFeed extends PanacheEntityBase {

    @Id
    @Column(name = "owner_id")
    public UUID ownerId;
    @Column(name = "token_hash")
    public byte[] tokenHash;
    @Column(name = "created_at")
    public Instant createdAt;
}
