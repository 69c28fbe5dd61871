package dev.rapport.referrals.balance;

import java.math.BigDecimal;
import java.util.UUID;

import dev.rapport.referrals.referral.Direction;

/** Value won with one partner, one way, in one currency. */
record WonValueRow(UUID partnerId, Direction direction, String currency, BigDecimal amount) {
}
