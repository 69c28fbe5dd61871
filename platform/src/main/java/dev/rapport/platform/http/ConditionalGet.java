package dev.rapport.platform.http;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Answers a {@code GET} whose {@code If-None-Match} names the record's current ETag with
 * {@code 304 Not Modified} and no body, so that a client's cached copy is reused.
 */
public class ConditionalGet {

    @ServerResponseFilter
    public void notModified(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod()))
                || response.getStatus() != Response.Status.OK.getStatusCode()) {
            return;
        }
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        Object etag = response.getHeaders().getFirst(HttpHeaders.ETAG);
        if (ifNoneMatch == null || etag == null) {
            return;
        }
        String current = etag instanceof EntityTag tag ? tag.getValue() : unquote(etag.toString());
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = unquote(candidate.trim());
            if (tag.equals("*") || tag.equals(current)) {
                response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
                response.setEntity(null);
                return;
            }
        }
    }

    /** The opaque part of a tag: {@code W/"7"} and {@code "7"} both give {@code 7} (weak comparison). */
    private static String unquote(String tag) {
        String strong = tag.startsWith("W/") ? tag.substring(2) : tag;
        return strong.length() >= 2 && strong.startsWith("\"") && strong.endsWith("\"")
                ? strong.substring(1, strong.length() - 1)
                : strong;
    }
}
