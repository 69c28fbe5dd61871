package dev.rapport.platform.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Forgets what the mechanisms no longer need: outbox rows once published and kept a while for
 * inspection, and processed-event ids once no redelivery can come (well past the topics'
 * retention, seven days by default).
 */
@ApplicationScoped
public class Retention {

    private final EntityManager entityManager;
    private final Clock clock;
    private final Duration publishedEvents;
    private final Duration processedEvents;

    Retention(EntityManager entityManager, Clock clock,
            @ConfigProperty(name = "rapport.retention.published-events", defaultValue = "P7D") Duration publishedEvents,
            @ConfigProperty(name = "rapport.retention.processed-events", defaultValue = "P30D") Duration processedEvents) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.publishedEvents = publishedEvents;
        this.processedEvents = processedEvents;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOldRows() {
        QuarkusTransaction.requiringNew().run(() -> {
            int outbox = entityManager.createNativeQuery("delete from outbox_event where published_at < ?1")
                    .setParameter(1, Timestamp.from(clock.instant().minus(publishedEvents))).executeUpdate();
            int processed = entityManager.createNativeQuery("delete from processed_event where processed_at < ?1")
                    .setParameter(1, Timestamp.from(clock.instant().minus(processedEvents))).executeUpdate();
            if (outbox + processed > 0) {
                Log.infof("Retention: removed %d published outbox rows and %d processed-event ids", outbox, processed);
            }
        });
    }
}
