package dev.rapport.referrals.events;

import java.time.Instant;
import java.util.UUID;

import dev.rapport.referrals.referral.Direction;
import dev.rapport.referrals.referral.Money;
import dev.rapport.referrals.referral.ReferralStatus;

/** A referral moved to another status, forward or, for a correction ({@code reversal}), back; {@code value} only with WON. Notes are private and not published. */
public record ReferralStatusChanged(
        UUID referralId,
        UUID partnerId,
        Direction direction,
        ReferralStatus from,
        ReferralStatus to,
        Instant at,
        boolean reversal,
        Money value) implements ReferralEvent {

    public static final String TYPE = "rapport.referral.status-changed.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public UUID subject() {
        return referralId;
    }
}
