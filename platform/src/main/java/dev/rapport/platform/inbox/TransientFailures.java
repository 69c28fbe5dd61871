package dev.rapport.platform.inbox;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;

import io.quarkus.logging.Log;

/**
 * Retries a consumer's work when it failed for a reason that passes (the database restarting
 * or unreachable, a deadlock, a serialization failure), so that such an event is applied late
 * rather than dead-lettered. Anything else (a malformed event, a bug) is not retried: the
 * record goes to the dead-letter topic at once instead of blocking its partition. While a
 * transient failure lasts the partition waits, which keeps one owner's events in order.
 */
public final class TransientFailures {

    private static final Duration FIRST_DELAY = Duration.ofMillis(200);
    private static final Duration LONGEST_DELAY = Duration.ofSeconds(10);
    /** After this long the failure is taken as lasting, and the record is dead-lettered. */
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(5);

    private TransientFailures() {
    }

    public static void retry(String what, Runnable work) {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        Duration delay = FIRST_DELAY;
        while (true) {
            try {
                work.run();
                return;
            } catch (RuntimeException e) {
                if (!isTransient(e) || System.nanoTime() + delay.toNanos() > deadline) {
                    throw e;
                }
                Log.warnf("Applying %s failed, retrying in %d ms: %s", what, delay.toMillis(), e.getMessage());
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                delay = delay.multipliedBy(2).compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : delay.multipliedBy(2);
            }
        }
    }

    /**
     * Whether a failure comes from the database being unavailable or from a conflict with
     * another transaction: SQL states of classes 08 (connection), 40 (rollback: deadlock,
     * serialization), 53 (insufficient resources) and 57 (operator intervention, e.g. shutdown),
     * and SQL errors without a state, which is how the pool reports that no connection came.
     */
    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MalformedEventException) {
                return false;
            }
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                return state == null || state.startsWith("08") || state.startsWith("40")
                        || state.startsWith("53") || state.startsWith("57");
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
