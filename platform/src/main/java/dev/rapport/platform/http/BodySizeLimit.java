package dev.rapport.platform.http;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Refuses bodies over the limit (256 KiB by default) with a 413 problem before they are read.
 * The HTTP server's own, larger {@code quarkus.http.limits.max-body-size} stays as a backstop
 * for bodies sent without a length.
 */
public class BodySizeLimit {

    private final long maxBytes;

    BodySizeLimit(@ConfigProperty(name = "rapport.http.max-body-size", defaultValue = "256K") MemorySize max) {
        this.maxBytes = max.asLongValue();
    }

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return null;
        }
        try {
            if (Long.parseLong(length.trim()) <= maxBytes) {
                return null;
            }
        } catch (NumberFormatException e) {
            return Problem.of("bad-request", "Bad Request", 400, "Invalid Content-Length").toResponse();
        }
        return Problem.of("payload-too-large", "Payload too large", 413,
                "The request body exceeds " + maxBytes / 1024 + " KiB").toResponse();
    }
}
