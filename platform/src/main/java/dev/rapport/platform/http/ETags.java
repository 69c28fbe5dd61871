package dev.rapport.platform.http;

import jakarta.ws.rs.core.EntityTag;

/**
 * Strong entity tags derived from a record's version, and the {@code If-Match} check that
 * guards every {@code PUT}, {@code PATCH} and {@code DELETE}.
 */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * Fails with 412 when an {@code If-Match} header is given and names no current tag.
     * Without the header the write goes ahead (last writer wins), as HTTP allows.
     */
    public static void checkIfMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        String current = "\"" + currentVersion + "\"";
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(current)) {
                return;
            }
        }
        throw ProblemException.preconditionFailed(
                "If-Match " + ifMatch.trim() + " does not match the current ETag " + current);
    }
}
