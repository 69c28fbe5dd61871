package dev.rapport.notifications.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    @Test
    void doublesFromTheBaseWithJitterAndStopsAtTheCap() {
        RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(10), Duration.ofHours(1), new SplittableRandom(7));
        for (int attempt = 1; attempt <= 20; attempt++) {
            long full = Math.min(10_000L << Math.min(attempt - 1, 30), 3_600_000L);
            Duration delay = schedule.delayAfter(attempt);
            assertThat(delay.toMillis()).as("after attempt %d", attempt).isBetween((long) (full * 0.8), full);
        }
    }

    @Test
    void jitterSpreadsRetriesThatFailedTogether() {
        RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(10), Duration.ofHours(1), new SplittableRandom(1));
        long distinct = java.util.stream.IntStream.range(0, 20).mapToObj(i -> schedule.delayAfter(3)).distinct().count();
        assertThat(distinct).isGreaterThan(15);
    }
}
