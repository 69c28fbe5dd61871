package dev.rapport.platform.http;

import java.util.List;

/**
 * Thrown anywhere to end a request with an RFC 9457 problem. The factory methods name the
 * categories every service shares; services add their own slugs for domain conflicts.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    public ProblemException(String slug, String title, int status, String detail) {
        this(Problem.of(slug, title, status, detail));
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException("not-found", "Not found", 404, "No " + what + " with id " + id);
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.validation(List.of(new Problem.FieldError(field, message))));
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(slug, "Conflict", 409, detail);
    }

    public static ProblemException unprocessable(String slug, String detail) {
        return new ProblemException(slug, "Unprocessable request", 422, detail);
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException("precondition-failed", "Precondition failed", 412, detail);
    }

    public static ProblemException unauthorized() {
        return new ProblemException("unauthorized", "Unauthorized", 401, "A valid bearer token is required");
    }
}
