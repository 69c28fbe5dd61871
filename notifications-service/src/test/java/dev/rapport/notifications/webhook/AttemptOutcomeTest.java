package dev.rapport.notifications.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class AttemptOutcomeTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Duration MAX = Duration.ofHours(10);

    @Test
    void retryAfterInSecondsOrAsAnHttpDateHoldsOn429And503Only() {
        assertThat(AttemptOutcome.answered(429, "120", 1).leaveAloneUntil(NOW, MAX)).contains(NOW.plusSeconds(120));
        assertThat(AttemptOutcome.answered(503, "Wed, 02 Dec 2026 10:30:00 GMT", 1).leaveAloneUntil(NOW, MAX))
                .contains(Instant.parse("2026-12-02T10:30:00Z"));
        assertThat(AttemptOutcome.answered(500, "120", 1).leaveAloneUntil(NOW, MAX)).isEmpty();
        assertThat(AttemptOutcome.answered(429, null, 1).leaveAloneUntil(NOW, MAX)).isEmpty();
    }

    @Test
    void anUnreadablePastOrExcessiveRetryAfterIsIgnoredOrCapped() {
        assertThat(AttemptOutcome.answered(429, "soon", 1).leaveAloneUntil(NOW, MAX)).isEmpty();
        assertThat(AttemptOutcome.answered(429, "-5", 1).leaveAloneUntil(NOW, MAX)).isEmpty();
        assertThat(AttemptOutcome.answered(503, "Wed, 02 Dec 2026 09:00:00 GMT", 1).leaveAloneUntil(NOW, MAX)).isEmpty();
        assertThat(AttemptOutcome.answered(429, "99999999", 1).leaveAloneUntil(NOW, MAX)).contains(NOW.plus(MAX));
    }

    @Test
    void onlyA2xxIsDeliveredAndOnly410IsGone() {
        assertThat(AttemptOutcome.answered(204, null, 1).delivered()).isTrue();
        assertThat(AttemptOutcome.answered(301, null, 1).delivered()).isFalse();
        assertThat(AttemptOutcome.answered(410, null, 1).gone()).isTrue();
        assertThat(AttemptOutcome.answered(404, null, 1).gone()).isFalse();
        assertThat(AttemptOutcome.failed("ConnectException: refused", 1).delivered()).isFalse();
    }
}
