package dev.rapport.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private Instant now = NOW;
    private final VerifiedTokens tokens = new VerifiedTokens(new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }, new SimpleMeterRegistry());

    @Test
    void aTokenIsAnsweredUntilItExpires() {
        SecurityIdentity alice = identity("alice");
        tokens.remember("token-a", alice, NOW.plusSeconds(300).getEpochSecond());

        assertThat(tokens.lookUp("token-a")).containsSame(alice);
        assertThat(tokens.lookUp("token-b")).isEmpty();
        now = NOW.plusSeconds(299);
        assertThat(tokens.lookUp("token-a")).containsSame(alice);
        now = NOW.plusSeconds(300);
        assertThat(tokens.lookUp("token-a")).isEmpty();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void whenFullTheExpiredTokensGoFirst() {
        for (int i = 0; i < VerifiedTokens.MAX_TOKENS - 1; i++) {
            tokens.remember("old-" + i, identity("old"), NOW.plusSeconds(10).getEpochSecond());
        }
        tokens.remember("fresh", identity("fresh"), NOW.plusSeconds(600).getEpochSecond());
        now = NOW.plusSeconds(60);
        tokens.remember("new", identity("new"), NOW.plusSeconds(600).getEpochSecond());

        assertThat(tokens.size()).isEqualTo(2);
        assertThat(tokens.lookUp("fresh")).isPresent();
        assertThat(tokens.lookUp("new")).isPresent();
    }

    private static SecurityIdentity identity(String name) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(name)).build();
    }
}
