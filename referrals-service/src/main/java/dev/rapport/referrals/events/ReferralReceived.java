package dev.rapport.referrals.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A partner referred someone to the owner: recorded by the owner, or ({@code linkId} set) shared
 * by a linked member who gave it. Notes are private and not published.
 */
public record ReferralReceived(
        UUID referralId,
        UUID partnerId,
        String referredName,
        String need,
        Instant occurredAt,
        UUID linkId) implements ReferralEvent {

    public static final String TYPE = "rapport.referral.received.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public UUID subject() {
        return referralId;
    }
}
