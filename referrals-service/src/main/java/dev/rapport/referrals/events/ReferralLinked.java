package dev.rapport.referrals.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The owner and another member of Rapport linked their records: referrals the owner gives to
 * {@code partnerId} are shared with that member from now on. Each side gets its own event,
 * naming its own contact for the other; neither names the other member.
 */
public record ReferralLinked(
        UUID linkId,
        UUID partnerId,
        Instant linkedAt) implements ReferralEvent {

    public static final String TYPE = "rapport.referral.linked.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public UUID subject() {
        return linkId;
    }
}
