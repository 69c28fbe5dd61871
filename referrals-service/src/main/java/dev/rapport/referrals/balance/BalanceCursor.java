package dev.rapport.referrals.balance;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import dev.rapport.platform.http.ProblemException;

/**
 * A position in the balance list sorted by balance: the platform's {@code Cursor} carries a
 * time, this one the balance, with the partner id to break ties. Opaque to clients.
 */
record BalanceCursor(long balance, UUID partnerId) {

    private static final String PREFIX = "b:";

    String encode() {
        String plain = PREFIX + balance + ":" + partnerId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a cursor made by {@link #encode()}; anything else is a 400 on {@code cursor}. */
    static BalanceCursor decode(String encoded) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            if (!plain.startsWith(PREFIX)) {
                throw new IllegalArgumentException(plain);
            }
            int colon = plain.indexOf(':', PREFIX.length());
            return new BalanceCursor(Long.parseLong(plain.substring(PREFIX.length(), colon)), UUID.fromString(plain.substring(colon + 1)));
        } catch (RuntimeException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this API issued");
        }
    }
}
