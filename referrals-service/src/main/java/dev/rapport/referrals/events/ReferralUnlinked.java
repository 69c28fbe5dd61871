package dev.rapport.referrals.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The link with the member behind {@code partnerId} was undone, by either side or because the
 * owner deleted that contact. Shared referrals stay in both ledgers as each side's own.
 */
public record ReferralUnlinked(
        UUID linkId,
        UUID partnerId,
        Instant unlinkedAt) implements ReferralEvent {

    public static final String TYPE = "rapport.referral.unlinked.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public UUID subject() {
        return linkId;
    }
}
