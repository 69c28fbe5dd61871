package dev.rapport.referrals.balance;

import java.time.Instant;
import java.util.UUID;

/** One partner_balance row with the partner's name. */
record BalanceRow(UUID partnerId, String partnerName, long given, long received, long openGiven, long openReceived,
        Instant lastGivenAt, Instant lastReceivedAt, Instant lastAt) {
}
