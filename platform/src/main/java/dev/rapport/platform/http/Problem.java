package dev.rapport.platform.http;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem answer. {@code type} is a stable URI per category of problem;
 * {@code errors} lists the offending fields of a validation problem.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        URI type,
        String title,
        int status,
        String detail,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://rapport.dev/problems/";

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(URI.create(TYPE_BASE + slug), title, status, detail, List.of());
    }

    public static Problem validation(List<FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse(null);
        return new Problem(URI.create(TYPE_BASE + "validation"), "Invalid request", 400, detail, errors);
    }

    /** This problem with one offending field listed, e.g. a 422 about a referenced id. */
    public Problem withError(String field, String message) {
        return new Problem(type, title, status, detail, List.of(new FieldError(field, message)));
    }

    /** This problem as a JAX-RS answer with the problem media type. */
    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }

    /** One invalid field: its JSON path (e.g. {@code tags[2]}) and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
