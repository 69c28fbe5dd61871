package dev.rapport.platform.security;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * Paths a service serves without a bearer token, because a secret in the path is the
 * credential (a calendar app subscribing to a feed cannot send one). Each entry is a prefix,
 * such as {@code /calendar/} ({@code rapport.http.public.paths}); the resource itself must check the secret.
 */
@ConfigMapping(prefix = "rapport.http.public")
public interface PublicPaths {

    /** Path prefixes open without a token; none by default. */
    Optional<List<String>> paths();

    default boolean isPublic(String path) {
        return paths().map(prefixes -> prefixes.stream().anyMatch(path::startsWith)).orElse(false);
    }
}
