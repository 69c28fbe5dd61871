package dev.rapport.platform.http;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.rapport.platform.security.CurrentOwner;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Per-user rate limit, so that one runaway client cannot starve the others: a token bucket per
 * owner, of this instance's share of the limit ({@link RateLimitConfig#share()}); over it a
 * request gets 429 with {@code Retry-After}.
 */
public class RateLimit {

    private static final int MAX_TRACKED_OWNERS = 100_000;

    private final boolean enabled;
    private final TokenBucket.Size size;
    private final CurrentOwner owner;
    private final Map<UUID, TokenBucket> buckets = new ConcurrentHashMap<>();

    RateLimit(CurrentOwner owner, RateLimitConfig config) {
        this.owner = owner;
        this.enabled = config.enabled();
        this.size = config.share();
    }

    @ServerRequestFilter
    public Response limit() {
        if (!enabled || !owner.isPresent()) {
            return null;
        }
        if (buckets.size() > MAX_TRACKED_OWNERS) {
            // A full bucket and a forgotten one are the same; forgetting bounds the memory.
            buckets.clear();
        }
        long now = System.nanoTime();
        long wait = buckets.computeIfAbsent(owner.id(), id -> new TokenBucket(size, now)).take(now);
        if (wait == 0) {
            return null;
        }
        long seconds = Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
        return Response.fromResponse(Problem.of("rate-limited", "Too many requests", 429,
                "This user's request rate is over the limit; retry after " + seconds + " s").toResponse())
                .header(HttpHeaders.RETRY_AFTER, seconds).build();
    }
}
