package dev.rapport.contacts.contact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.rapport.contacts.stage.RelationshipStage;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A person in the owner's network. */
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
    @Enumerated(EnumType.STRING)
    public ContactSource source;
    /** The owner's contact who introduced or referred this one (source INTRODUCED or REFERRED). */
    @Column(name = "introduced_by")
    public UUID introducedBy;
    /** The networking event where the owner met them (source MET_AT_EVENT): its id in meetings-service and its name. */
    @Column(name = "met_at_event_id")
    public UUID metAtEventId;
    @Column(name = "met_at_event_name")
    public String metAtEventName;
    /** Changed only through the stage machine, never by a profile write. */
    @Enumerated(EnumType.STRING)
    public RelationshipStage stage;
    /** The latest know/like/trust rating (0 to 5 each), null until the first; changed only by a rating. */
    @Column(name = "know_rating")
    public Short knowRating;
    @Column(name = "like_rating")
    public Short likeRating;
    @Column(name = "trust_rating")
    public Short trustRating;
    @Column(name = "rated_at")
    public Instant ratedAt;
    /** How often the owner means to be in touch, in seconds; null: the owner's default. */
    @Column(name = "stay_in_touch_seconds")
    public Long stayInTouchSeconds;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** The {@link SamePerson} keys of email, name and company, set with them, so that finding the same person is one indexed lookup. */
    @Column(name = "email_key")
    public String emailKey;
    @Column(name = "name_key")
    public String nameKey;
    @Column(name = "company_key")
    public String companyKey;
    @Version
    public long version;
}
