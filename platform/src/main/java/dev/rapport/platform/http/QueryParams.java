package dev.rapport.platform.http;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;

import dev.rapport.platform.json.StrictUuidDeserializer;

/**
 * Reads optional query filters from their raw text, exactly: a canonical UUID, an enum
 * constant's exact name, {@code true} or {@code false}, a whole number in a range. A bad value, an empty one included,
 * is a 400 naming the parameter (rather than the 404 JAX-RS gives when it cannot convert one,
 * or the silent {@code false} it makes of {@code ?unread=yes}). Absent means no filter.
 */
public final class QueryParams {

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private QueryParams() {
    }

    public static UUID uuid(String name, String value) {
        if (value == null) {
            return null;
        }
        if (!StrictUuidDeserializer.isCanonical(value)) {
            throw ProblemException.invalid(name, "must be a UUID");
        }
        return UUID.fromString(value);
    }

    public static <E extends Enum<E>> E enumOf(String name, String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw ProblemException.invalid(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
    }

    /** {@code true} or {@code false}; absent is {@code false}. */
    public static boolean bool(String name, String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ProblemException.invalid(name, "must be true or false");
    }

    /**
     * A whole number from {@code min} to {@code max}, written in ASCII digits only (no sign,
     * exponent, spaces or other scripts' digits); absent is {@code absent}.
     */
    public static int integer(String name, String value, int min, int max, int absent) {
        if (value == null) {
            return absent;
        }
        int number = value.matches("[0-9]{1,9}") ? Integer.parseInt(value) : -1;
        if (number < min || number > max) {
            throw ProblemException.invalid(name, "must be a whole number from " + min + " to " + max);
        }
        return number;
    }

    /** {@code true}, {@code false}, or absent ({@code null}): for a filter that may be left off. */
    public static Boolean optionalBool(String name, String value) {
        return value == null ? null : bool(name, value);
    }

    /** An RFC 3339 date-time with an offset, such as {@code 2026-11-01T00:00:00Z}; absent is {@code null}. */
    public static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            Instant instant = OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                throw ProblemException.invalid(name, "must be between years 1 and 9999");
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be an RFC 3339 date-time with an offset, such as 2026-11-01T00:00:00Z");
        }
    }
}
