package dev.rapport.referrals.referral;

import java.util.Currency;

import dev.rapport.platform.http.ProblemException;
import dev.rapport.platform.state.Transitions;

/**
 * The rules of a status change, in one place. Pure: it looks only at its arguments; rules that
 * need stored state (times, the entries so far) belong in {@link ReferralService}, next to this call.
 */
public final class Lifecycle {

    /** The problem type of a move the lifecycle does not allow. */
    public static final String ILLEGAL_CHANGE = "illegal-status-change";

    private Lifecycle() {
    }

    /**
     * Fails with a 409 problem naming the allowed statuses (the shared {@link Transitions} answer) when {@code from → to} is not a legal
     * move (a move to the same status included), or a 400 on {@code value} when a WON move has
     * none, another move has one, or the value is not a positive amount in a known currency.
     */
    public static void check(ReferralStatus from, ReferralStatus to, Money value) {
        Transitions.check(ILLEGAL_CHANGE, "referral", from, to);
        if (!valueFits(to, value)) {
            throw ProblemException.invalid("value", value == null ? "is required to move to WON" : "is only recorded with a move to WON");
        }
        if (value != null) {
            checkValue(value);
        }
    }

    /** Whether a move to {@code to} has a value exactly when it needs one: a move to WON always, any other never. */
    static boolean valueFits(ReferralStatus to, Money value) {
        return (to == ReferralStatus.WON) == (value != null);
    }

    private static void checkValue(Money value) {
        Currency currency = currency(value.currency());
        if (value.decimal().signum() <= 0) {
            throw ProblemException.invalid("value.amount", "must be above zero");
        }
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        if (value.decimal().stripTrailingZeros().scale() > digits) {
            throw ProblemException.invalid("value.amount", "has more decimals than " + currency + " has (" + digits + ")");
        }
    }

    /** The ISO 4217 currency of a code that has the right shape; codes without decimals defined (gold, XXX, XTS) are refused. */
    private static Currency currency(String code) {
        try {
            Currency currency = Currency.getInstance(code);
            if (currency.getDefaultFractionDigits() >= 0) {
                return currency;
            }
        } catch (IllegalArgumentException e) {
            // an unknown code: the same answer as a refused one
        }
        throw ProblemException.invalid("value.currency", "is not an ISO 4217 currency");
    }
}
