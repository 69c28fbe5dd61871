package dev.rapport.platform.security;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Bearer tokens that OIDC verified, each with the identity it gave, kept until the token
 * expires: a client sends the same token with every request for its lifetime (minutes), and
 * parsing it and checking its RSA signature again each time was most of the cost of a read.
 * {@link RememberVerifiedToken} puts in what OIDC verified; {@link VerifiedTokenProvider}
 * answers a request whose token is here, before OIDC would verify it again. Only tokens that
 * passed every check (signature, issuer, audience, expiry) are here, and only the exact same
 * token matches. A token is accepted until its own expiry even when the realm's signing key is
 * rotated meanwhile, as it would be by a service that had verified it then.
 */
@ApplicationScoped
public class VerifiedTokens {

    /** Tokens held at most: beyond it the expired ones go, and if none had expired, all. */
    static final int MAX_TOKENS = 20_000;

    private record Verified(SecurityIdentity identity, long expiresAtSecond) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Counter hits;
    private final Counter misses;

    VerifiedTokens(Clock clock, MeterRegistry registry) {
        this.clock = clock;
        this.hits = Counter.builder("rapport.security.verified.tokens").tag("result", "hit")
                .description("Requests whose bearer token had been verified before and was still valid").register(registry);
        this.misses = Counter.builder("rapport.security.verified.tokens").tag("result", "miss")
                .description("Requests whose bearer token OIDC had to verify").register(registry);
    }

    /** The identity of a token verified before, unless it has expired since. */
    public Optional<SecurityIdentity> lookUp(String token) {
        Verified found = verified.get(token);
        if (found != null && clock.instant().getEpochSecond() >= found.expiresAtSecond()) {
            verified.remove(token, found);
            found = null;
        }
        (found == null ? misses : hits).increment();
        return Optional.ofNullable(found).map(Verified::identity);
    }

    /** Keeps the identity OIDC gave for a token it verified, until {@code expiresAtSecond} (its {@code exp}). */
    public void remember(String token, SecurityIdentity identity, long expiresAtSecond) {
        if (verified.size() >= MAX_TOKENS) {
            long now = clock.instant().getEpochSecond();
            verified.values().removeIf(entry -> now >= entry.expiresAtSecond());
            if (verified.size() >= MAX_TOKENS) {
                verified.clear();
            }
        }
        verified.putIfAbsent(token, new Verified(identity, expiresAtSecond));
    }

    /** How many tokens are held, expired or not. */
    int size() {
        return verified.size();
    }
}
