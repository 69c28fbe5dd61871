package dev.rapport.platform.http;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.rapport.platform.json.TextRules;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;

/**
 * Refuses a URL the API would not take as text in a body, with a 400 problem naming the query
 * parameter, before any resource or database sees it: characters outside printable ASCII that
 * are not percent-encoded, invalid percent-encoding, decoded text that was not UTF-8 (the
 * decoder leaves U+FFFD for each bad byte), a NUL character or a lone surrogate, and a query
 * parameter given with an empty value (JAX-RS would take {@code ?limit=} as no limit at all).
 */
public class CleanRequestText {

    @ServerRequestFilter(preMatching = true, priority = 200)
    public Response check(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        if (!printableAscii(uri.getRawPath()) || !printableAscii(uri.getRawQuery())) {
            return refuse("url", "must be printable ASCII; percent-encode other characters");
        }
        Map<String, List<String>> query;
        List<PathSegment> segments;
        try {
            query = request.getUriInfo().getQueryParameters(true);
            segments = request.getUriInfo().getPathSegments(true);
        } catch (IllegalArgumentException e) {
            return refuse("url", "is not valid percent-encoding");
        }
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            String problem = problemWith(parameter.getKey());
            for (String value : parameter.getValue()) {
                if (problem == null) {
                    problem = value.isEmpty() ? "must not be empty; leave the parameter out instead" : problemWith(value);
                }
            }
            if (problem != null) {
                return refuse(parameter.getKey(), problem);
            }
        }
        for (PathSegment segment : segments) {
            String problem = problemWith(segment.getPath());
            if (problem != null) {
                return refuse("path", problem);
            }
        }
        return null;
    }

    private static Response refuse(String field, String problem) {
        return Problem.validation(List.of(new Problem.FieldError(field, problem))).toResponse();
    }

    private static boolean printableAscii(String raw) {
        return raw == null || raw.chars().allMatch(c -> c > 0x20 && c < 0x7F);
    }

    private static String problemWith(String decoded) {
        return decoded.indexOf('\uFFFD') >= 0 ? "is not valid UTF-8" : TextRules.problemWith(decoded);
    }
}
