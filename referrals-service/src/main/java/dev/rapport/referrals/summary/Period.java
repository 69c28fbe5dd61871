package dev.rapport.referrals.summary;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/** The periods a summary covers, in the caller's time zone; weeks start on Monday (ISO 8601). */
public enum Period {
    WEEK,
    MONTH,
    QUARTER,
    YEAR,
    /** From one date to another, both included. */
    CUSTOM;

    /** The first day of the period that holds {@code day}. */
    LocalDate firstDay(LocalDate day) {
        return switch (this) {
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> day.with(IsoFields.DAY_OF_QUARTER, 1);
            case YEAR -> day.withDayOfYear(1);
            case CUSTOM -> throw new IllegalStateException("A custom period has no fixed length");
        };
    }

    /** The first day after the period that starts on {@code first}. */
    LocalDate dayAfter(LocalDate first) {
        return switch (this) {
            case WEEK -> first.plusWeeks(1);
            case MONTH -> first.plusMonths(1);
            case QUARTER -> first.plusMonths(3);
            case YEAR -> first.plusYears(1);
            case CUSTOM -> throw new IllegalStateException("A custom period has no fixed length");
        };
    }
}
