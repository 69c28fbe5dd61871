package dev.rapport.notifications.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** What one attempt came to: the receiver's status (and Retry-After), or why there was no answer. */
public record AttemptOutcome(Integer statusCode, String retryAfter, String error, int durationMillis) {

    static AttemptOutcome answered(int statusCode, String retryAfter, int durationMillis) {
        return new AttemptOutcome(statusCode, retryAfter, null, durationMillis);
    }

    static AttemptOutcome failed(String error, int durationMillis) {
        return new AttemptOutcome(null, null, error, durationMillis);
    }

    public boolean delivered() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    /** 410 Gone: the receiver says this endpoint is no more. */
    public boolean gone() {
        return statusCode != null && statusCode == 410;
    }

    /**
     * Until when the receiver asked to be left alone: a 429 or 503 with a Retry-After of seconds
     * or an HTTP date, at most {@code max} from now. Empty for any other answer, or a Retry-After
     * that is neither.
     */
    public Optional<Instant> leaveAloneUntil(Instant now, Duration max) {
        if (retryAfter == null || statusCode == null || (statusCode != 429 && statusCode != 503)) {
            return Optional.empty();
        }
        String value = retryAfter.trim();
        Instant until;
        if (value.matches("\\d{1,10}")) {
            until = now.plusSeconds(Long.parseLong(value));
        } else {
            try {
                until = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        Instant latest = now.plus(max);
        return until.isAfter(now) ? Optional.of(until.isAfter(latest) ? latest : until) : Optional.empty();
    }
}
