package dev.rapport.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimitConfigTest {

    @Test
    void eachInstanceEnforcesItsShareSoTheUsersTotalStaysTheSame() {
        assertThat(config(200, 50, 1).share()).isEqualTo(new TokenBucket.Size(200, 50));
        assertThat(config(200, 50, 2).share()).isEqualTo(new TokenBucket.Size(100, 25));
        assertThat(config(200, 50, 3).share()).isEqualTo(new TokenBucket.Size(67, 50 / 3d));
        assertThat(config(3, 0.01, 9).share().capacity()).isEqualTo(1);
        assertThat(config(200, 50, 0).share()).isEqualTo(new TokenBucket.Size(200, 50));
    }

    private static RateLimitConfig config(int burst, double perSecond, int instances) {
        return new RateLimitConfig() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public int burst() {
                return burst;
            }

            @Override
            public double perSecond() {
                return perSecond;
            }

            @Override
            public int instances() {
                return instances;
            }
        };
    }
}
