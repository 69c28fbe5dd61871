package dev.rapport.notifications.batch;

import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Runs a job's batches (the rules' sweep, snoozed notifications coming back) until nothing is
 * left. A batch leaves the rows of an owner whose turn in the outbox another transaction holds
 * (an event being applied) rather than wait for it holding rows that transaction may need; the
 * run comes back for them after a short pause, and gives up after a while, to the next run.
 */
public final class Batches {

    /** What one batch did: rows claimed, rows done, rows left because their owner was busy. */
    public record Outcome(int claimed, int done, int leftBusy) {
    }

    private static final int BUSY_RETRIES = 200;
    private static final long BUSY_PAUSE_NANOS = 10_000_000;

    private Batches() {
    }

    /** @return how many rows were done */
    public static int runUntilDone(int batchSize, Supplier<Outcome> batch) {
        int total = 0;
        int busyRetries = 0;
        while (true) {
            Outcome outcome = batch.get();
            total += outcome.done();
            if (outcome.leftBusy() > 0) {
                if (++busyRetries > BUSY_RETRIES) {
                    return total;
                }
                LockSupport.parkNanos(BUSY_PAUSE_NANOS);
            } else if (outcome.claimed() < batchSize) {
                return total;
            }
        }
    }
}
