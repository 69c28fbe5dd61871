package dev.rapport.platform.inbox;

import java.time.Duration;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Stops event consumption in order when the service stops (a SIGTERM, as on every rolling
 * deploy). Quarkus fires {@link ShutdownEvent} before it closes Hibernate, the datasource and
 * the Kafka connector; at that moment the gate closes: no event starts being applied after it,
 * and the events being applied get up to {@link ConsumersConfig#drainTimeout()} to commit.
 * What the gate turns away fails with {@link ServiceStoppingException}, and any failure after
 * it closed is left unacknowledged by {@link DeadLetterUnlessStopping}, so that its offset is
 * not committed and the next instance applies it: nothing is dead-lettered because of a stop.
 */
@ApplicationScoped
public class ConsumerGate {

    private final Duration drainTimeout;
    private boolean closed;
    private int applying;

    ConsumerGate(ConsumersConfig config) {
        this.drainTimeout = config.drainTimeout();
    }

    /** Lets one event in; refuses it once the service is stopping. Pair with {@link #leave()}. */
    synchronized void enter(String what) {
        if (closed) {
            throw new ServiceStoppingException("Not applying " + what + ": the service is stopping", null);
        }
        applying++;
    }

    synchronized void leave() {
        applying--;
        notifyAll();
    }

    /** Whether the service is stopping, after which no failure of a consumer is dead-lettered. */
    public synchronized boolean closed() {
        return closed;
    }

    /**
     * Waits up to {@code pause} unless the gate closes meanwhile; tells whether it is still open.
     * Retries wait here, so that a stop does not wait for their back-off.
     */
    synchronized boolean pauseWhileOpen(Duration pause) throws InterruptedException {
        long deadline = System.nanoTime() + pause.toNanos();
        long left;
        while (!closed && (left = deadline - System.nanoTime()) > 0) {
            wait(Math.max(1, left / 1_000_000));
        }
        return !closed;
    }

    /** Closes the gate first thing at shutdown, then waits for the events being applied. */
    void close(@Observes @Priority(1) ShutdownEvent shutdown) {
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        synchronized (this) {
            closed = true;
            notifyAll();
            if (applying > 0) {
                Log.infof("Stopping: waiting for %d event(s) being applied", applying);
            }
            long left;
            while (applying > 0 && (left = deadline - System.nanoTime()) > 0) {
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (applying > 0) {
                Log.warnf("Stopping with %d event(s) still being applied: they stay uncommitted and are applied again",
                        applying);
            }
        }
        Log.info("Event consumers stopped: no event is applied from now on");
    }
}
