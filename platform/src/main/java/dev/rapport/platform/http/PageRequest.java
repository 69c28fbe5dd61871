package dev.rapport.platform.http;

/**
 * {@code ?limit=} and {@code ?cursor=} of a list request, checked: limit 1–200, default 50.
 */
public record PageRequest(int limit, Cursor after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /**
     * Takes the raw query values, so that {@code ?limit=many}, {@code ?limit=} or {@code ?limit= 50}
     * is a 400 rather than JAX-RS's 404 or a silent default.
     */
    public static PageRequest of(String limit, String cursor) {
        int size = limit == null ? DEFAULT_LIMIT
                : limit.matches("[0-9]{1,3}") ? Integer.parseInt(limit) : -1;
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
        }
        return new PageRequest(size, cursor == null ? null : Cursor.decode(cursor));
    }
}
