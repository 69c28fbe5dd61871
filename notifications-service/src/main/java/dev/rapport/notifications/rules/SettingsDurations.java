package dev.rapport.notifications.rules;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;

import dev.rapport.platform.http.Problem;
import dev.rapport.platform.time.IsoDurations;

/** Durations in rule settings: ISO-8601 (checked by their {@code @Pattern}), from one second to ten years. */
public final class SettingsDurations {

    /** For {@code @Pattern} on settings members. */
    public static final String PATTERN = IsoDurations.PATTERN;
    public static final String MESSAGE = IsoDurations.MESSAGE;
    private static final Duration SHORTEST = Duration.ofSeconds(1);
    private static final Duration LONGEST = Duration.ofDays(3650);

    private SettingsDurations() {
    }

    /** The duration a valid settings member names. */
    public static Duration of(String text) {
        return Duration.parse(text);
    }

    /** Adds an error on {@code field} unless {@code text} is from PT1S to P3650D; answers the duration, or null. */
    public static Duration within(String field, String text, List<Problem.FieldError> errors) {
        if (text == null) {
            return null; // the member's @NotNull says so
        }
        Duration duration;
        try {
            duration = Duration.parse(text);
        } catch (DateTimeParseException e) {
            return null; // the member's @Pattern says so
        }
        if (duration.compareTo(SHORTEST) < 0 || duration.compareTo(LONGEST) > 0) {
            errors.add(new Problem.FieldError(field, "must be from PT1S to P3650D"));
            return null;
        }
        return duration;
    }

    /** "31 days", "1 day", "less than a day". */
    public static String describeDays(Duration duration) {
        long days = duration.toDays();
        return days < 1 ? "less than a day" : days == 1 ? "1 day" : days + " days";
    }
}
