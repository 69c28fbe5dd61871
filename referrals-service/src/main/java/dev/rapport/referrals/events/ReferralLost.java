package dev.rapport.referrals.events;

import java.time.Instant;
import java.util.UUID;

import dev.rapport.referrals.referral.Direction;
import dev.rapport.referrals.referral.ReferralStatus;

/** No business came of a referral: {@code status} LOST, or DECLINED by the person referred. Also published as a status change. */
public record ReferralLost(
        UUID referralId,
        UUID partnerId,
        Direction direction,
        ReferralStatus status,
        Instant at) implements ReferralEvent {

    public static final String TYPE = "rapport.referral.lost.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public UUID subject() {
        return referralId;
    }
}
