package dev.rapport.notifications.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class DigestScheduleTest {

    private static DigestSettings daily(String at, String zone) {
        return new DigestSettings(true, DigestSettings.Frequency.DAILY, at, zone, DayOfWeek.MONDAY);
    }

    @Test
    void aDailyDigestComesAtTheLocalTimeOfTheOwnersZone() {
        DigestSettings berlin = daily("08:00", "Europe/Berlin");
        assertThat(DigestSchedule.nextAfter(berlin, Instant.parse("2026-12-02T06:59:00Z"))).isEqualTo("2026-12-02T07:00:00Z");
        assertThat(DigestSchedule.nextAfter(berlin, Instant.parse("2026-12-02T07:00:00Z"))).as("strictly after").isEqualTo("2026-12-03T07:00:00Z");
        assertThat(DigestSchedule.nextAfter(berlin, Instant.parse("2026-07-01T07:00:00Z"))).as("summer time").isEqualTo("2026-07-02T06:00:00Z");
    }

    @Test
    void aWeeklyDigestComesOnItsWeekday() {
        DigestSettings mondays = new DigestSettings(true, DigestSettings.Frequency.WEEKLY, "08:00", "America/New_York", DayOfWeek.MONDAY);
        // Wednesday 2 December 2026: the next Monday is the 7th, 08:00 in New York is 13:00 UTC.
        assertThat(DigestSchedule.nextAfter(mondays, Instant.parse("2026-12-02T12:00:00Z"))).isEqualTo("2026-12-07T13:00:00Z");
        assertThat(DigestSchedule.nextAfter(mondays, Instant.parse("2026-12-07T13:00:00Z"))).isEqualTo("2026-12-14T13:00:00Z");
        assertThat(DigestSchedule.nextAfter(mondays, Instant.parse("2026-12-07T12:59:00Z"))).as("the same Monday, before the time")
                .isEqualTo("2026-12-07T13:00:00Z");
    }

    @Test
    void aTimeAClockChangeSkipsComesThatMuchLaterAndOneItRepeatsComesOnce() {
        // Berlin moves from 02:00 to 03:00 on 28 March 2027: 02:30 does not exist that day.
        assertThat(DigestSchedule.nextAfter(daily("02:30", "Europe/Berlin"), Instant.parse("2027-03-27T02:00:00Z")))
                .isEqualTo("2027-03-28T01:30:00Z"); // 03:30 summer time
        // It moves back from 03:00 to 02:00 on 31 October 2027: 02:30 happens twice, the digest comes the first time.
        Instant first = DigestSchedule.nextAfter(daily("02:30", "Europe/Berlin"), Instant.parse("2027-10-30T02:00:00Z"));
        assertThat(first).isEqualTo("2027-10-31T00:30:00Z");
        assertThat(DigestSchedule.nextAfter(daily("02:30", "Europe/Berlin"), first)).isEqualTo("2027-11-01T01:30:00Z");
    }
}
