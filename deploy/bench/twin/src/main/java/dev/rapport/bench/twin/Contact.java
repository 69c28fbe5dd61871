package dev.rapport.bench.twin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** contacts-service's contact table, the columns its answer shows. */
@Entity
public class Contact extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "owner_id")
    public UUID ownerId;
    public String name;
    public String company;
    public String role;
    public String email;
    public String phone;
    public String business;
    @Column(name = "target_market")
    public String targetMarket;
    @Column(name = "ideal_client")
    public String idealClient;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> tags = new ArrayList<>();
    public String notes;
    public String source;
    @Column(name = "introduced_by")
    public UUID introducedBy;
    @Column(name = "met_at_event_id")
    public UUID metAtEventId;
    @Column(name = "met_at_event_name")
    public String metAtEventName;
    public String stage;
    @Column(name = "know_rating")
    public Short knowRating;
    @Column(name = "like_rating")
    public Short likeRating;
    @Column(name = "trust_rating")
    public Short trustRating;
    @Column(name = "rated_at")
    public Instant ratedAt;
    @Column(name = "stay_in_touch_seconds")
    public Long stayInTouchSeconds;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
