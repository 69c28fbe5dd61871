package dev.rapport.referrals.summary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.referrals.referral.Money;

/** The owner's referral figures for one period: what a chapter's weekly report gives. */
@Schema(name = "PeriodSummary")
public record PeriodSummaryResponse(
        Period period,
        @Schema(description = "The time zone the period's days are counted in", examples = "Europe/Berlin") String zone,
        @Schema(description = "The first day of the period", examples = "2026-11-01") LocalDate from,
        @Schema(description = "The last day of the period (included)", examples = "2026-11-30") LocalDate to,
        @Schema(description = "The period's first instant") Instant start,
        @Schema(description = "The instant after the period") Instant end,
        @Schema(description = "Referrals given that occurred in the period", examples = "7") long given,
        @Schema(description = "Referrals received that occurred in the period", examples = "4") long received,
        @Schema(description = "Value won in the period from referrals given (partners' wins), per currency") List<Money> wonGiven,
        @Schema(description = "Value won in the period from referrals received (the caller's wins), per currency") List<Money> wonReceived,
        @Schema(description = "Partners whose first referral, either way, occurred in the period", examples = "2") long newPartners,
        @Schema(description = "The five partners with the most referrals either way in the period, most first") List<TopPartner> topPartners) {
}
