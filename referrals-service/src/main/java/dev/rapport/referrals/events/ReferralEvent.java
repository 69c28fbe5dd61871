package dev.rapport.referrals.events;

import dev.rapport.platform.outbox.DomainEvent;

/** What referrals-service publishes about referrals on {@code rapport.referrals.v1}. */
public sealed interface ReferralEvent extends DomainEvent
        permits ReferralGiven, ReferralReceived, ReferralStatusChanged, ReferralWon, ReferralLost, ReferralThanked,
        ReferralLinked, ReferralUnlinked {
}
