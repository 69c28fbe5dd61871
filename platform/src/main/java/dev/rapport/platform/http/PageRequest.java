package dev.rapport.platform.http;

/**
 * {@code ?limit=} and {@code ?cursor=} of a list request, checked: limit 1–200, default 50.
 */
public record PageRequest(int limit, Cursor after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** Takes the raw query values, so that {@code ?limit=many} is a 400 rather than JAX-RS's 404. */
    public static PageRequest of(String limit, String cursor) {
        int size;
        try {
            size = limit == null || limit.isBlank() ? DEFAULT_LIMIT : Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            size = -1;
        }
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
        }
        return new PageRequest(size, cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor));
    }
}
