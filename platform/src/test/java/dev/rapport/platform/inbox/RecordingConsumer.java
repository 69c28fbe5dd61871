package dev.rapport.platform.inbox;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.rapport.platform.tracing.TraceContext;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** A consumer written the way every service writes one, whose effect is a row per event (with the trace it ran in). */
@ApplicationScoped
public class RecordingConsumer {

    /** Subjects whose events fail as malformed until a test removes them (a fix deployed). */
    public static final Set<String> FAILING_SUBJECTS = ConcurrentHashMap.newKeySet();

    private final IdempotentConsumer consumer;
    private final EntityManager entityManager;

    RecordingConsumer(IdempotentConsumer consumer, EntityManager entityManager) {
        this.consumer = consumer;
        this.entityManager = entityManager;
    }

    @Incoming("test-events")
    @Blocking
    public void consume(List<ConsumerRecord<String, String>> records, IncomingKafkaRecordBatchMetadata<String, String> batch) {
        consumer.applyAll("platform-test", batch, event -> {
            if (event.data().has("fail") || FAILING_SUBJECTS.contains(event.subject())) {
                throw new MalformedEventException("the test asked this event to fail");
            }
            entityManager.createNativeQuery("insert into test_effect (event_id, subject, traceparent) values (?1, ?2, ?3)")
                    .setParameter(1, event.id())
                    .setParameter(2, event.subject())
                    .setParameter(3, TraceContext.current().isPresent() ? TraceContext.current().traceparent() : "none")
                    .executeUpdate();
        });
    }
}
