package dev.rapport.platform.inbox;

import java.time.Duration;

import org.hibernate.StaleStateException;

import dev.rapport.platform.database.DatabaseFailures;
import io.quarkus.logging.Log;
import jakarta.persistence.OptimisticLockException;

/**
 * Retries a consumer's work when it failed for a reason that passes (the database restarting
 * or unreachable, a deadlock, a serialization failure, a row changed meanwhile by another
 * transaction), so that such an event is applied late rather than dead-lettered, however
 * long the outage lasts. Anything else (a malformed event, a
 * bug) is not retried: the record goes to the dead-letter topic at once instead of blocking its
 * partition. While a transient failure lasts the partition waits, which keeps one owner's
 * events in order; when the service stops meanwhile, the event is left for the next instance.
 */
final class TransientFailures {

    private static final Duration FIRST_DELAY = Duration.ofMillis(200);
    private static final Duration LONGEST_DELAY = Duration.ofSeconds(10);

    private TransientFailures() {
    }

    /**
     * Another transaction changed a row this work changed too (an optimistic lock's version
     * check failed): done again, the work reads the row as it is now and decides anew.
     */
    private static boolean lostARace(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }

    static void retry(String what, ConsumerGate gate, Runnable work) {
        Duration delay = FIRST_DELAY;
        while (true) {
            try {
                work.run();
                return;
            } catch (RuntimeException e) {
                if (!DatabaseFailures.isTransient(e) && !lostARace(e)) {
                    throw e;
                }
                Log.warnf("Applying %s failed, retrying in %d ms: %s", what, delay.toMillis(), e.getMessage());
                boolean open;
                try {
                    open = gate.pauseWhileOpen(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    open = false;
                }
                if (!open) {
                    throw new ServiceStoppingException("Not retrying " + what + ": the service is stopping", e);
                }
                delay = delay.multipliedBy(2).compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : delay.multipliedBy(2);
            }
        }
    }
}
