package dev.rapport.notifications.webhook;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential back-off with jitter: after the n-th failed attempt, wait base × 2^(n−1), capped,
 * then take a random 80–100 % of it so that many failing deliveries do not retry in step.
 */
public final class RetrySchedule {

    private final Duration base;
    private final Duration max;
    private final RandomGenerator random;

    public RetrySchedule(Duration base, Duration max, RandomGenerator random) {
        this.base = base;
        this.max = max;
        this.random = random;
    }

    public Duration delayAfter(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        long millis = Math.min(base.toMillis() << doublings, max.toMillis());
        if (millis < 0) {
            millis = max.toMillis();
        }
        double factor = 0.8 + 0.2 * random.nextDouble();
        return Duration.ofMillis((long) (millis * factor));
    }
}
