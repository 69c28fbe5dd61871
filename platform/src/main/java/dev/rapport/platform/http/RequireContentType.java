package dev.rapport.platform.http;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * A request with a body must say what the body is: without {@code Content-Type}, JAX-RS would
 * take it as whatever the operation consumes. 415, as for any type the operation refuses.
 */
public class RequireContentType {

    @ServerRequestFilter(preMatching = true, priority = 300)
    public Response check(ContainerRequestContext request) {
        if (request.getMediaType() != null || !hasBody(request)) {
            return null;
        }
        return Problem.of("unsupported-media-type", "Unsupported Media Type", 415,
                "The request has a body but no Content-Type; send the one the operation accepts (application/json unless its OpenAPI document names others)").toResponse();
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return request.getHeaderString("Transfer-Encoding") != null
                || (length != null && !length.trim().equals("0"));
    }
}
