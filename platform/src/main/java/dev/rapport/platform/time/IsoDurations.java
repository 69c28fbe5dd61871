package dev.rapport.platform.time;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;

import dev.rapport.platform.http.Problem;
import dev.rapport.platform.http.ProblemException;

/**
 * Durations as the API reads and writes them: ISO-8601 in days, hours, minutes and seconds
 * (P30D, PT12H, PT10S; no months or years, whose length varies), from one second to ten years.
 */
public final class IsoDurations {

    /** For {@code @Pattern} on request members. */
    public static final String PATTERN = "^P(?!$)(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?$";
    public static final String MESSAGE = "must be an ISO-8601 duration in days, hours, minutes or seconds, e.g. P30D or PT10S";
    static final Duration SHORTEST = Duration.ofSeconds(1);
    static final Duration LONGEST = Duration.ofDays(3650);

    private IsoDurations() {
    }

    /** The duration {@code value} names, or a 400 problem on {@code field}. */
    public static Duration parse(String field, String value) {
        Duration duration;
        try {
            duration = Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, MESSAGE);
        }
        if (duration.compareTo(SHORTEST) < 0 || duration.compareTo(LONGEST) > 0) {
            throw new ProblemException(Problem.validation(List.of(new Problem.FieldError(field, "must be from PT1S to P3650D"))));
        }
        return duration;
    }

    /** P30D for whole days, else the JDK's form (PT12H, PT1H30M, PT10S). */
    public static String format(Duration duration) {
        long seconds = duration.getSeconds();
        if (duration.getNano() == 0 && seconds > 0 && seconds % 86_400 == 0) {
            return "P" + seconds / 86_400 + "D";
        }
        return duration.toString();
    }
}
