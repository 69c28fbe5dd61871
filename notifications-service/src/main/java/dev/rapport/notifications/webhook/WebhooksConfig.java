package dev.rapport.notifications.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How webhooks are delivered, and which endpoints may receive them. */
@ConfigMapping(prefix = "rapport.webhooks")
public interface WebhooksConfig {

    /** How often the dispatcher looks for due deliveries (e.g. 1s), or "off". */
    String pollInterval();

    /** Whether new deliveries are sent right after their transaction commits, not only at the next poll. */
    @WithDefault("true")
    boolean dispatchOnCommit();

    /** Whether http://localhost / 127.0.0.1 endpoints are allowed (local runs and tests only). */
    boolean allowLoopback();

    /** Host names allowed although they are not public https endpoints (an operator's allow-list). */
    Optional<List<String>> allowedHosts();

    /** Attempts before a delivery is given up. */
    @WithDefault("10")
    int maxAttempts();

    /** Delay before the first retry; doubles at each further attempt, with jitter. */
    @WithDefault("10s")
    Duration retryBase();

    /** Longest delay between two attempts. */
    @WithDefault("1h")
    Duration retryMax();

    /** How long one attempt may take. */
    @WithDefault("10s")
    Duration timeout();
}
