package dev.rapport.platform.time;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduler;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Pauses every scheduled job (sweeps, webhook dispatch) first thing at shutdown, so that none
 * starts while Hibernate and the datasource close. Their work is kept in the database: the
 * next instance picks it up where this one left it.
 */
@ApplicationScoped
class PauseSchedulerOnShutdown {

    private final Scheduler scheduler;

    PauseSchedulerOnShutdown(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    void pause(@Observes @Priority(1) ShutdownEvent shutdown) {
        scheduler.pause();
    }
}
