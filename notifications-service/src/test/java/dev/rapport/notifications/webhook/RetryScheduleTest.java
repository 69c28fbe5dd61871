package dev.rapport.notifications.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final List<Duration> SVIX = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));

    @Test
    void retriesAtTheStandardWebhooksStepsWithJitterThenStops() {
        RetrySchedule schedule = new RetrySchedule(SVIX, new SplittableRandom(7));
        assertThat(schedule.attempts()).isEqualTo(8);
        for (int failed = 1; failed <= 7; failed++) {
            long step = SVIX.get(failed - 1).toMillis();
            assertThat(schedule.delayAfter(failed)).as("after %d failed attempts", failed)
                    .hasValueSatisfying(delay -> assertThat(delay.toMillis()).isBetween((long) (step * 0.8), step));
        }
        assertThat(schedule.delayAfter(8)).as("the eighth attempt was the last").isEmpty();
        assertThat(schedule.delayAfter(0)).isEmpty();
    }

    @Test
    void jitterSpreadsRetriesThatFailedTogether() {
        RetrySchedule schedule = new RetrySchedule(SVIX, new SplittableRandom(1));
        long distinct = IntStream.range(0, 20).mapToObj(i -> schedule.delayAfter(3).orElseThrow()).distinct().count();
        assertThat(distinct).isGreaterThan(15);
    }
}
