package dev.rapport.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class TransientFailuresTest {

    @Test
    void retriesWhileTheDatabaseIsUnavailable() {
        AtomicInteger attempts = new AtomicInteger();
        TransientFailures.retry("test", () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("wrapped", new SQLException("Connection refused", "08001"));
            }
        });
        assertThat(attempts).hasValue(3);
    }

    @Test
    void neverRetriesAMalformedEventOrABug() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> TransientFailures.retry("test", () -> {
            attempts.incrementAndGet();
            throw new MalformedEventException("not an event");
        })).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> TransientFailures.retry("test", () -> {
            attempts.incrementAndGet();
            throw new NullPointerException("a bug");
        })).isInstanceOf(NullPointerException.class);
        assertThat(attempts).hasValue(2);
    }

    @Test
    void tellsPassingFailuresFromLastingOnes() {
        assertThat(TransientFailures.isTransient(new RuntimeException(new SQLException("deadlock detected", "40P01")))).isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException(new SQLException("terminating connection", "57P01")))).isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException(new SQLException("Acquisition timeout")))).isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException(new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalArgumentException("bad"))).isFalse();
    }
}
