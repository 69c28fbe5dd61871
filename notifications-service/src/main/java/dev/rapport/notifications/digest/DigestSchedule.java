package dev.rapport.notifications.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/** When digests come: at a local time of day, every day or on one weekday, in the owner's time zone. */
final class DigestSchedule {

    private DigestSchedule() {
    }

    /**
     * The first digest time strictly after {@code after}. A local time that does not exist on a
     * day (a clock moved forward) comes at the first moment after the gap; one that happens twice
     * (a clock moved back) comes the first time.
     */
    static Instant nextAfter(DigestSettings settings, Instant after) {
        ZoneId zone = ZoneId.of(settings.timeZone());
        LocalTime at = LocalTime.parse(settings.at());
        LocalDate day = after.atZone(zone).toLocalDate();
        if (settings.frequency() == DigestSettings.Frequency.WEEKLY) {
            day = day.with(TemporalAdjusters.nextOrSame(settings.weekday()));
        }
        while (true) {
            Instant candidate = ZonedDateTime.of(day, at, zone).toInstant();
            if (candidate.isAfter(after)) {
                return candidate;
            }
            day = settings.frequency() == DigestSettings.Frequency.WEEKLY ? day.plusWeeks(1) : day.plusDays(1);
        }
    }
}
