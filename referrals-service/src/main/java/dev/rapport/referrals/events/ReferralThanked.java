package dev.rapport.referrals.events;

import java.time.Instant;
import java.util.UUID;

import dev.rapport.referrals.referral.Direction;

/**
 * Thanks for a referral that was won. RECEIVED: the owner thanked the partner who gave it, which
 * closes the loop of a referral.won nudge; GIVEN: a linked partner thanked the owner for it.
 */
public record ReferralThanked(
        UUID referralId,
        UUID partnerId,
        Direction direction,
        Instant thankedAt) implements ReferralEvent {

    public static final String TYPE = "rapport.referral.thanked.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public UUID subject() {
        return referralId;
    }
}
