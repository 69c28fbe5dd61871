package dev.rapport.referrals.referral;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * An amount of money in an ISO 4217 currency. The amount is a decimal string, as the ledger
 * stores it: a JSON number would reach clients as a binary float.
 */
@Schema(name = "Money", description = "An amount in an ISO 4217 currency")
public record Money(
        @NotNull @Pattern(regexp = "-?[0-9]{1,12}(\\.[0-9]{1,2})?",
                message = "must be a decimal string with at most 12 digits before the point and 2 after")
        @Schema(description = "A decimal string; a won value is above zero, a reversal's is the reversed value negated",
                examples = "1200.50", pattern = "^-?[0-9]{1,12}(\\.[0-9]{1,2})?$")
        String amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code")
        @Schema(description = "ISO 4217 code", examples = "EUR", pattern = "^[A-Z]{3}$")
        String currency) {

    /** The money of a ledger row, or null when it has none. */
    public static Money of(BigDecimal amount, String currency) {
        return amount == null ? null : new Money(amount.setScale(2).toPlainString(), currency);
    }

    /** The amount as a number; the amount must have been validated. */
    public BigDecimal decimal() {
        return new BigDecimal(amount);
    }

    public Money negated() {
        return of(decimal().negate(), currency);
    }
}
