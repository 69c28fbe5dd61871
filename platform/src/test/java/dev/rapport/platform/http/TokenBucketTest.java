package dev.rapport.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void grantsABurstThenRefillsAtTheRate() {
        TokenBucket bucket = new TokenBucket(3, 2, 0);
        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).as("wait for one token at 2/s").isEqualTo(SECOND / 2);
        assertThat(bucket.take(SECOND / 2)).isZero();
        assertThat(bucket.take(SECOND / 2)).isPositive();
    }

    @Test
    void neverHoldsMoreThanItsCapacity() {
        TokenBucket bucket = new TokenBucket(2, 1, 0);
        long later = 3600 * SECOND;
        assertThat(bucket.take(later)).isZero();
        assertThat(bucket.take(later)).isZero();
        assertThat(bucket.take(later)).isPositive();
    }
}
