package dev.rapport.platform.http;

/**
 * A token bucket: up to {@code capacity} requests at once, refilled at {@code perSecond}. Time
 * is passed in (nanoseconds from a monotonic clock), so the arithmetic is tested without waiting.
 */
public final class TokenBucket {

    private final double capacity;
    private final double perNano;
    private double tokens;
    private long updatedAt;

    /** A bucket's size: how many requests at once, and how many more per second. */
    public record Size(int capacity, double perSecond) {
    }

    public TokenBucket(Size size, long now) {
        this(size.capacity(), size.perSecond(), now);
    }

    public TokenBucket(int capacity, double perSecond, long now) {
        this.capacity = capacity;
        this.perNano = perSecond / 1_000_000_000d;
        this.tokens = capacity;
        this.updatedAt = now;
    }

    /** Takes one token; returns 0 when granted, otherwise the nanoseconds until one is available. */
    public synchronized long take(long now) {
        tokens = Math.min(capacity, tokens + (now - updatedAt) * perNano);
        updatedAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / perNano);
    }
}
