package dev.rapport.platform.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * An opaque position in a list ordered newest first: the sort time and id of the last item
 * of the previous page. Clients pass it back unchanged as {@code ?cursor=}.
 */
public record Cursor(Instant time, UUID id) {

    public String encode() {
        long micros = time.getEpochSecond() * 1_000_000L + time.getNano() / 1_000L;
        String plain = micros + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a cursor made by {@link #encode()}; anything else is a 400 on {@code cursor}. */
    public static Cursor decode(String encoded) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = plain.indexOf(':');
            long micros = Long.parseLong(plain.substring(0, colon));
            UUID id = UUID.fromString(plain.substring(colon + 1));
            return new Cursor(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L), id);
        } catch (RuntimeException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this API issued");
        }
    }
}
