package dev.rapport.referrals.exchange;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Invitation codes: 16 characters of base32 (80 random bits) in four groups, e.g.
 * {@code K7QD-M2XA-PW4N-TZ6B}, easy to read out or type. Only their SHA-256 is stored.
 */
final class LinkCode {

    /** What a code looks like as typed: groups may be joined by dashes or not, in either case. */
    static final String PATTERN = "[A-Za-z2-7]{4}(-?[A-Za-z2-7]{4}){3}";
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private LinkCode() {
    }

    static String generate() {
        StringBuilder code = new StringBuilder(19);
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    /** The stored form of a code as typed: its SHA-256 in hex, case and dashes aside. */
    static String sha256(String typed) {
        String normalised = typed.replace("-", "").toUpperCase(Locale.ROOT);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
