package dev.rapport.platform.admin;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.rapport.platform.http.ProblemException;

/** An opaque position in the dead-letter topic: the partition and offset of the first dead letter of the next page. */
record DeadLetterCursor(int partition, long offset) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((partition + ":" + offset).getBytes(StandardCharsets.UTF_8));
    }

    static DeadLetterCursor decode(String encoded) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = plain.indexOf(':');
            DeadLetterCursor cursor = new DeadLetterCursor(Integer.parseInt(plain.substring(0, colon)), Long.parseLong(plain.substring(colon + 1)));
            if (cursor.partition < 0 || cursor.offset < 0) {
                throw new IllegalArgumentException("negative");
            }
            return cursor;
        } catch (RuntimeException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this API issued");
        }
    }
}
