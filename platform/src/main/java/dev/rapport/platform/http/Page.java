package dev.rapport.platform.http;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One page of a list answer: {@code {"items": [...], "nextCursor": "..."}}; no
 * {@code nextCursor} on the last page.
 */
public record Page<T>(List<T> items, @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {

    /**
     * Builds a page from a query that fetched one row more than the limit, which tells
     * whether another page follows without a count query.
     */
    public static <E, T> Page<T> of(List<E> rows, PageRequest request, Function<E, Cursor> cursorOf, Function<E, T> toItem) {
        boolean more = rows.size() > request.limit();
        List<E> shown = more ? rows.subList(0, request.limit()) : rows;
        String next = more ? cursorOf.apply(shown.get(shown.size() - 1)).encode() : null;
        return new Page<>(shown.stream().map(toItem).toList(), next);
    }
}
