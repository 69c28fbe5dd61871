package dev.rapport.referrals.referral;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A referral given to, or received from, a partner contact; its history is in the ledger's entries. */
@Entity
public class Referral extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "owner_id")
    public UUID ownerId;
    @Enumerated(EnumType.STRING)
    public Direction direction;
    @Column(name = "partner_id")
    public UUID partnerId;
    @Column(name = "referred_name")
    public String referredName;
    public String need;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    public String notes;
    /** The status of the latest ledger entry. */
    @Enumerated(EnumType.STRING)
    public ReferralStatus status;
    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public long version;
}
