package dev.rapport.platform.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The per-user rate limit, for the user as a whole: {@link #burst()} requests at once, refilled
 * at {@link #perSecond()}. With several instances behind a round-robin balancer each enforces its
 * share ({@link #instances()}), so the user's total stays the same.
 */
@ConfigMapping(prefix = "rapport.http.rate-limit")
public interface RateLimitConfig {

    @WithDefault("true")
    boolean enabled();

    @WithDefault("200")
    int burst();

    @WithDefault("50")
    double perSecond();

    /** How many instances of the service share the limit; set it to the number running. */
    @WithDefault("1")
    int instances();

    /** This instance's bucket: its share of the burst (rounded up, at least 1) and of the refill rate. */
    default TokenBucket.Size share() {
        int instances = Math.max(1, instances());
        return new TokenBucket.Size(Math.max(1, (burst() + instances - 1) / instances), perSecond() / instances);
    }
}
