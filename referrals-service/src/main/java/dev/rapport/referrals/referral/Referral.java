package dev.rapport.referrals.referral;

import java.math.BigDecimal;
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
    @Column(name = "referred_contact_id")
    public UUID referredContactId;
    @Column(name = "referred_company")
    public String referredCompany;
    @Column(name = "referred_email")
    public String referredEmail;
    @Column(name = "referred_phone")
    public String referredPhone;
    @Column(name = "referred_agreed")
    public boolean referredAgreedToContact;
    public String need;
    public Integer warmth;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    public String notes;
    /** The status of the latest ledger entry. */
    @Enumerated(EnumType.STRING)
    public ReferralStatus status;
    /** When the current status was reached. */
    @Column(name = "status_at")
    public Instant statusAt;
    /** The value of the current WON status; null unless WON. */
    @Column(name = "won_amount")
    public BigDecimal wonAmount;
    @Column(name = "won_currency")
    public String wonCurrency;
    @Column(name = "thanked_at")
    public Instant thankedAt;
    /** How many ledger entries the referral has; the next one's seq is this plus one. */
    @Column(name = "entry_count")
    public int entryCount;
    /** When the referred person or the partner was erased; their text is gone since. */
    @Column(name = "erased_at")
    public Instant erasedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    /** The member link this referral is shared through, while it stands; null if not shared. */
    @Column(name = "link_id")
    public UUID linkId;
    /** The other side's copy of a shared referral. */
    @Column(name = "peer_referral_id")
    public UUID peerReferralId;
    @Version
    public long version;

    /** A referral given and shared with a linked member: the receiver moves it, this copy follows. */
    public boolean follows() {
        return linkId != null && direction == Direction.GIVEN;
    }
}
