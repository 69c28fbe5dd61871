package dev.rapport.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class TransientFailuresTest {

    private final ConsumerGate gate = new ConsumerGate(() -> Duration.ofSeconds(5));

    @Test
    void retriesWhileTheDatabaseIsUnavailable() {
        AtomicInteger attempts = new AtomicInteger();
        TransientFailures.retry("test", gate, () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("wrapped", new SQLException("Connection refused", "08001"));
            }
        });
        assertThat(attempts).hasValue(3);
    }

    @Test
    void neverRetriesAMalformedEventOrABug() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> TransientFailures.retry("test", gate, () -> {
            attempts.incrementAndGet();
            throw new MalformedEventException("not an event");
        })).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> TransientFailures.retry("test", gate, () -> {
            attempts.incrementAndGet();
            throw new NullPointerException("a bug");
        })).isInstanceOf(NullPointerException.class);
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aStopEndsTheRetriesAtOnceAndLeavesTheEventForTheNextInstance() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                TransientFailures.retry("test", gate, () -> {
                    attempts.incrementAndGet();
                    throw new IllegalStateException("wrapped", new SQLException("Connection refused", "08001"));
                });
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });
        // The gate waits for nothing here (the event did not enter it), so closing is immediate.
        await().until(() -> attempts.get() >= 2);
        gate.close(null);

        Throwable failure = outcome.get(2, TimeUnit.SECONDS);
        assertThat(failure).isInstanceOf(ServiceStoppingException.class).hasRootCauseInstanceOf(SQLException.class);
    }

    @Test
    void closingWaitsForTheEventsBeingApplied() throws Exception {
        gate.enter("rapport.thing.happened.v1 1");
        CompletableFuture<Void> closing = CompletableFuture.runAsync(() -> gate.close(null));
        await().until(gate::closed);
        assertThat(closing).isNotDone();

        gate.leave();
        closing.get(2, TimeUnit.SECONDS);
    }

    @Test
    void aClosedGateLetsNoEventIn() {
        gate.close(null);
        assertThatThrownBy(() -> gate.enter("rapport.thing.happened.v1 1")).isInstanceOf(ServiceStoppingException.class);
        assertThat(gate.closed()).isTrue();
    }
}
