package dev.rapport.platform.http;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Refuses bodies over the operation's limit with a 413 problem before they are read: 256 KiB
 * ({@code rapport.http.max-body-size}) unless the operation names a limit of its own with
 * {@link MaxBodySize}. It runs once the operation is matched, to know its limit, and before any
 * other request filter, since the idempotency filter reads the body. The HTTP server's own
 * {@code quarkus.http.limits.max-body-size} stays as a backstop for bodies sent without a length.
 */
public class BodySizeLimit {

    private static final long MIB = 1024 * 1024;

    private final long defaultMaxBytes;
    private final Config config;
    private final Map<Method, Long> limits = new ConcurrentHashMap<>();

    BodySizeLimit(@ConfigProperty(name = "rapport.http.max-body-size", defaultValue = "256K") MemorySize max, Config config) {
        this.defaultMaxBytes = max.asLongValue();
        this.config = config;
    }

    @ServerRequestFilter(priority = 100)
    public Response check(ContainerRequestContext request, ResourceInfo resource) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return null;
        }
        long maxBytes = limitOf(resource.getResourceMethod());
        try {
            if (Long.parseLong(length.trim()) <= maxBytes) {
                return null;
            }
        } catch (NumberFormatException e) {
            return Problem.of("bad-request", "Bad Request", 400, "Invalid Content-Length").toResponse();
        }
        return Problem.of("payload-too-large", "Payload too large", 413,
                "The request body exceeds " + describe(maxBytes)).toResponse();
    }

    private long limitOf(Method method) {
        if (method == null) {
            return defaultMaxBytes;
        }
        return limits.computeIfAbsent(method, m -> {
            MaxBodySize own = m.getAnnotation(MaxBodySize.class);
            return own == null ? defaultMaxBytes
                    : new MemorySizeConverter().convert(config.getValue(own.property(), String.class)).asLongValue();
        });
    }

    private static String describe(long bytes) {
        return bytes % MIB == 0 ? bytes / MIB + " MiB" : bytes / 1024 + " KiB";
    }
}
