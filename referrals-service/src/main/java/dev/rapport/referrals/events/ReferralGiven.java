package dev.rapport.referrals.events;

import java.time.Instant;
import java.util.UUID;

/** The owner referred someone to a partner. Notes are private and not published. */
public record ReferralGiven(
        UUID referralId,
        UUID partnerId,
        String referredName,
        String need,
        Instant occurredAt) implements ReferralEvent {

    public static final String TYPE = "rapport.referral.given.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public UUID subject() {
        return referralId;
    }
}
