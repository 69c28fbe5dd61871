package dev.rapport.platform.http;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import dev.rapport.platform.database.DatabaseFailures;
import dev.rapport.platform.json.RejectedValueException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Turns every failure into an RFC 9457 problem answer: one mapper per category, never a
 * stack trace or a Java class name on the wire, never a 500 for bad input.
 */
public class ProblemMappers {

    /** How long a client waits before retrying a request the database could not serve. */
    static final int DATABASE_RETRY_AFTER_SECONDS = 2;

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.problem().toResponse();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return Problem.validation(errors).toResponse();
    }

    @ServerExceptionMapper({ JsonProcessingException.class, MismatchedInputException.class, DatabindException.class })
    public Response unreadableJson(JsonProcessingException e) {
        return problemOf(e).toResponse();
    }

    /** The problem for a body Jackson could not read: the offending field when it is known. */
    public static Problem problemOf(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return Problem.validation(List.of(new Problem.FieldError(pathOf(unknown), "unknown property")));
        }
        if (e instanceof RejectedValueException rejected && !rejected.getPath().isEmpty()) {
            return Problem.validation(List.of(new Problem.FieldError(pathOf(rejected), rejected.reason())));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String message = e instanceof InvalidFormatException invalid
                    ? "cannot be read as " + describe(invalid.getTargetType())
                    : "has the wrong type or shape";
            return Problem.validation(List.of(new Problem.FieldError(pathOf(mapping), message)));
        }
        return Problem.of("malformed-json", "Malformed JSON", 400, "The request body is not valid JSON");
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e) {
        return Problem.of("concurrent-update", "Conflict", 409,
                "The record was changed by another request; fetch it again and retry").toResponse();
    }

    /** A unique key taken by a concurrent request (e.g. two first saves of the same record). */
    @ServerExceptionMapper
    public Response uniqueConflict(org.hibernate.exception.ConstraintViolationException e) {
        if (e.getKind() != org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE) {
            return unexpected(e);
        }
        return Problem.of("concurrent-update", "Conflict", 409,
                "Another request changed the same record at the same time; fetch it again and retry").toResponse();
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(RuntimeException e) {
        return Response.fromResponse(ProblemException.unauthorized().problem().toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of("forbidden", "Forbidden", 403, "This operation needs another role").toResponse();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return problemOf(unreadable).toResponse();
        }
        if (status >= 500) {
            return unexpected(e);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Request failed";
        String slug = title.toLowerCase().replace(' ', '-');
        return Problem.of(slug, title, status, detail(status)).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (DatabaseFailures.isTransient(e)) {
            // The database restarting or a deadlock is an outage to wait out, not a bug.
            Log.warnf("Database unavailable, answered 503: %s", e.getMessage());
            return Response.fromResponse(Problem.of("unavailable", "Service unavailable", 503,
                    "The database is briefly unavailable; retry after "
                            + DATABASE_RETRY_AFTER_SECONDS + " s").toResponse())
                    .header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS).build();
        }
        Log.errorf(e, "Unexpected failure");
        return Problem.of("internal-error", "Internal error", 500,
                "The request could not be completed; it has been logged").toResponse();
    }

    private static String detail(int status) {
        return switch (status) {
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "No acceptable representation; this API answers application/json";
            case 415 -> "Unsupported media type; send a Content-Type the operation accepts (application/json unless its OpenAPI document names others)";
            default -> null;
        };
    }

    /** A violation's path without the Java method and parameter names: {@code create.request.name} → {@code name}. */
    public static String fieldOf(ConstraintViolation<?> violation) {
        List<String> parts = new ArrayList<>();
        Iterator<Path.Node> nodes = violation.getPropertyPath().iterator();
        while (nodes.hasNext()) {
            Path.Node node = nodes.next();
            boolean last = !nodes.hasNext();
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER && !last) {
                continue;
            }
            String name = node.getName();
            if (node.getIndex() != null && !parts.isEmpty()) {
                int previous = parts.size() - 1;
                parts.set(previous, parts.get(previous) + "[" + node.getIndex() + "]");
            }
            if (name != null && !name.startsWith("<")) {
                parts.add(name);
            }
        }
        return parts.isEmpty() ? "body" : String.join(".", parts);
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "the expected type";
        }
        if (type.isEnum()) {
            StringBuilder values = new StringBuilder("one of ");
            Object[] constants = type.getEnumConstants();
            for (int i = 0; i < constants.length; i++) {
                values.append(i == 0 ? "" : ", ").append(constants[i]);
            }
            return values.toString();
        }
        return switch (type.getSimpleName()) {
            case "UUID" -> "a UUID";
            case "Instant", "OffsetDateTime" -> "an RFC 3339 date-time";
            case "Duration" -> "an ISO-8601 duration";
            case "LocalDate" -> "a date (YYYY-MM-DD)";
            default -> "a " + type.getSimpleName().toLowerCase();
        };
    }
}
