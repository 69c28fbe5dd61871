package dev.rapport.notifications.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The Standard Webhooks (Svix) retry model: the first attempt at once, then a retry after each
 * failure at fixed steps (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h by default), each step taken at
 * a random 80–100 % so that deliveries that failed together do not retry in step.
 */
public final class RetrySchedule {

    private final List<Duration> steps;
    private final RandomGenerator random;

    public RetrySchedule(List<Duration> steps, RandomGenerator random) {
        this.steps = List.copyOf(steps);
        this.random = random;
    }

    /** The wait before the next attempt once {@code failedAttempts} attempts failed; empty when none is left. */
    public Optional<Duration> delayAfter(int failedAttempts) {
        if (failedAttempts < 1 || failedAttempts > steps.size()) {
            return Optional.empty();
        }
        double factor = 0.8 + 0.2 * random.nextDouble();
        return Optional.of(Duration.ofMillis((long) (steps.get(failedAttempts - 1).toMillis() * factor)));
    }

    /** How many attempts a delivery gets in all. */
    public int attempts() {
        return steps.size() + 1;
    }
}
