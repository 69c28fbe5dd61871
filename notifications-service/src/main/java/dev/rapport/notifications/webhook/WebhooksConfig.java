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

    /**
     * Whether deliveries are sent as soon as they are queued (after their transaction commits) and
     * as soon as an attempt leaves room for more, not only at each poll.
     */
    @WithDefault("true")
    boolean dispatchOnCommit();

    /** Whether http://localhost / 127.0.0.1 endpoints are allowed (local runs and tests only). */
    boolean allowLoopback();

    /** Host names allowed although they are not public https endpoints (an operator's allow-list). */
    Optional<List<String>> allowedHosts();

    /**
     * The wait before each retry, after the first attempt (made at once) failed, then the second,
     * and so on; each is taken at a random 80–100 %. A delivery whose last retry fails is FAILED.
     */
    @WithDefault("5s,5m,30m,2h,5h,10h,10h")
    List<Duration> retrySchedule();

    /** An endpoint failing every attempt for this long is disabled and its owner told. */
    @WithDefault("P5D")
    Duration disableAfter();

    /**
     * After this many failures in a row an endpoint is parked: until the failed delivery's retry
     * is due, nothing else is sent to it, then that one delivery alone probes it.
     */
    @WithDefault("5")
    int parkAfterFailures();

    /** The longest wait a receiver can ask for with Retry-After (on 429 or 503). */
    @WithDefault("10h")
    Duration retryAfterMax();

    /** Attempts in flight at once, over all endpoints, per instance. */
    @WithDefault("64")
    int maxInFlight();

    /** Attempts in flight at once to one endpoint, per instance. */
    @WithDefault("4")
    int maxInFlightPerEndpoint();

    /** How long one attempt may take, from connecting to the answer's status line. */
    @WithDefault("10s")
    Duration timeout();

    /** How long the secret before a rotation still signs deliveries, beside the new one. */
    @WithDefault("24h")
    Duration previousSecretLasts();
}
