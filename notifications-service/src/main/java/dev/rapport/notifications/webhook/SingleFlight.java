package dev.rapport.notifications.webhook;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import io.quarkus.logging.Log;

/**
 * Runs a task on an executor, one run at a time: a request while it runs makes it run once more
 * when it ends, so that no request is lost and runs never overlap.
 */
final class SingleFlight {

    private final String name;
    private final Runnable task;
    private final Executor executor;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();

    SingleFlight(String name, Runnable task, Executor executor) {
        this.name = name;
        this.task = task;
        this.executor = executor;
    }

    void request() {
        requested.set(true);
        if (running.compareAndSet(false, true)) {
            executor.execute(this::runWhileRequested);
        }
    }

    private void runWhileRequested() {
        do {
            try {
                while (requested.getAndSet(false)) {
                    task.run();
                }
            } catch (RuntimeException e) {
                Log.warnf("%s failed, to be run again at the next request: %s", name, e.getMessage());
            } finally {
                running.set(false);
            }
            // A request that came just as this loop ended found it still marked as running.
        } while (requested.get() && running.compareAndSet(false, true));
    }
}
