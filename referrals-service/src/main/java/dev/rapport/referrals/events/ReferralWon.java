package dev.rapport.referrals.events;

import java.time.Instant;
import java.util.UUID;

import dev.rapport.referrals.referral.Direction;
import dev.rapport.referrals.referral.Money;

/** Business came of a referral, worth {@code value}: the receiver celebrates, the giver is thanked. Also published as a status change. */
public record ReferralWon(
        UUID referralId,
        UUID partnerId,
        Direction direction,
        Money value,
        Instant wonAt) implements ReferralEvent {

    public static final String TYPE = "rapport.referral.won.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public UUID subject() {
        return referralId;
    }
}
