package dev.rapport.referrals.events;

import java.time.Instant;
import java.util.UUID;

/** The owner thanked the partner who gave them a referral that was won; closes the loop of a referral.won nudge. */
public record ReferralThanked(
        UUID referralId,
        UUID partnerId,
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
