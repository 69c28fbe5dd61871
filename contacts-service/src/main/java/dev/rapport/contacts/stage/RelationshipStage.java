package dev.rapport.contacts.stage;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where the owner's relationship with a contact stands. The way forward is
 * {@code PROSPECT → INVITED → EXPLORING → QUALIFYING → PARTNER}; any stage may end in
 * {@code DECLINED} or {@code CLOSED}, and both reopen to {@code PROSPECT}.
 */
public enum RelationshipStage {
    /** Met, card collected. */
    PROSPECT,
    /** Invited to a one-to-one. */
    INVITED,
    /** The stage-1 (discovery) meeting was held. */
    EXPLORING,
    /** Stage 2 (referral fit) is under way. */
    QUALIFYING,
    /** A referral partner. */
    PARTNER,
    /** Declined or ignored the invitation. */
    DECLINED,
    /** The relationship collapsed; a reason is required. */
    CLOSED;

    /** The stages this one may move to, in declaration order; never itself. */
    public Set<RelationshipStage> allowedNext() {
        EnumSet<RelationshipStage> next = switch (this) {
            case PROSPECT -> EnumSet.of(INVITED);
            case INVITED -> EnumSet.of(EXPLORING);
            case EXPLORING -> EnumSet.of(QUALIFYING);
            case QUALIFYING -> EnumSet.of(PARTNER);
            case PARTNER -> EnumSet.noneOf(RelationshipStage.class);
            case DECLINED, CLOSED -> EnumSet.of(PROSPECT);
        };
        next.addAll(EnumSet.of(DECLINED, CLOSED));
        next.remove(this);
        return next;
    }

    /** Whether the owner knows the contact in person: a one-to-one has been held. */
    public boolean knownInPerson() {
        return this == EXPLORING || this == QUALIFYING || this == PARTNER;
    }

    /** Whether the relationship has ended (declined or collapsed). */
    public boolean ended() {
        return this == DECLINED || this == CLOSED;
    }

    /** Whether a move to this stage must say why. */
    public boolean requiresReason() {
        return this == CLOSED;
    }
}
