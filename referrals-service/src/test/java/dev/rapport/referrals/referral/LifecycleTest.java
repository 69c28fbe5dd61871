package dev.rapport.referrals.referral;

import static dev.rapport.referrals.referral.ReferralStatus.CONTACTED;
import static dev.rapport.referrals.referral.ReferralStatus.DECLINED;
import static dev.rapport.referrals.referral.ReferralStatus.LOST;
import static dev.rapport.referrals.referral.ReferralStatus.MEETING;
import static dev.rapport.referrals.referral.ReferralStatus.OPEN;
import static dev.rapport.referrals.referral.ReferralStatus.WON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.rapport.platform.http.ProblemException;

class LifecycleTest {

    private static final Money VALUE = new Money("1200.50", "EUR");

    /** The whole lifecycle as a table: every status, and the statuses it may move to. */
    private static final Map<ReferralStatus, Set<ReferralStatus>> ALLOWED = Map.of(
            OPEN, EnumSet.of(CONTACTED, LOST, DECLINED),
            CONTACTED, EnumSet.of(MEETING, WON, LOST, DECLINED),
            MEETING, EnumSet.of(WON, LOST, DECLINED),
            WON, EnumSet.noneOf(ReferralStatus.class),
            LOST, EnumSet.noneOf(ReferralStatus.class),
            DECLINED, EnumSet.noneOf(ReferralStatus.class));

    @Test
    void everyMoveOfTheTableIsAllowedAndEveryOtherIs409NamingTheAllowedOnes() {
        for (ReferralStatus from : ReferralStatus.values()) {
            assertThat(from.allowedNext()).as("from %s", from).isEqualTo(ALLOWED.get(from));
            for (ReferralStatus to : ReferralStatus.values()) {
                Money value = to == WON ? VALUE : null;
                if (ALLOWED.get(from).contains(to)) {
                    assertThatCode(() -> Lifecycle.check(from, to, value)).as("%s → %s", from, to).doesNotThrowAnyException();
                } else {
                    assertThatThrownBy(() -> Lifecycle.check(from, to, value)).as("%s → %s", from, to)
                            .isInstanceOfSatisfying(ProblemException.class, e -> {
                                assertThat(e.problem().status()).isEqualTo(409);
                                assertThat(e.problem().type().toString()).endsWith("/" + Lifecycle.ILLEGAL_CHANGE);
                                assertThat(e.problem().detail()).contains("cannot become " + to)
                                        .contains("allowed: " + (ALLOWED.get(from).isEmpty() ? "none" : ""));
                            });
                }
            }
        }
    }

    @Test
    void aMoveHasAValueExactlyWhenItIsToWon() {
        for (ReferralStatus to : ReferralStatus.values()) {
            assertThat(Lifecycle.valueFits(to, VALUE)).as("%s with a value", to).isEqualTo(to == WON);
            assertThat(Lifecycle.valueFits(to, null)).as("%s without", to).isEqualTo(to != WON);
        }
    }

    @Test
    void openStatusesAreTheOnesUnderWay() {
        assertThat(EnumSet.allOf(ReferralStatus.class)).filteredOn(ReferralStatus::isOpen).containsExactly(OPEN, CONTACTED, MEETING);
    }

    @ParameterizedTest(name = "{0} {1} {2} → 400 on {3}")
    @CsvSource({
            "WON,       ,        , value",
            "LOST,      10.00,  EUR, value",
            "WON,       -5.00,  EUR, value.amount",
            "WON,       0,      EUR, value.amount",
            "WON,       10.5,   JPY, value.amount",
            "WON,       10.00,  ABC, value.currency",
            "WON,       10.00,  XXX, value.currency",
            "WON,       10.00,  XAU, value.currency" })
    void badValuesAre400OnTheirField(ReferralStatus to, BigDecimal amount, String currency, String field) {
        Money value = amount == null ? null : new Money(amount.toPlainString(), currency);
        assertThatThrownBy(() -> Lifecycle.check(CONTACTED, to, value))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().errors()).extracting(error -> error.field()).containsExactly(field);
                });
    }

    @Test
    void valuesInAnyKnownCurrencyWithItsDecimalsAreAccepted() {
        for (Money value : new Money[] { new Money("1500", "JPY"), new Money("0.01", "GBP"),
                new Money("99", "XOF"), new Money("999999999999.99", "USD") }) {
            assertThatCode(() -> Lifecycle.check(MEETING, WON, value)).as("%s", value).doesNotThrowAnyException();
        }
    }
}
