package dev.rapport.platform.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.rapport.platform.tracing.TraceContext;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** A consumer written the way every service writes one, whose effect is a row per event (with the trace it ran in). */
@ApplicationScoped
public class RecordingConsumer {

    /** Subjects whose events fail as malformed until a test removes them (a fix deployed). */
    public static final Set<String> FAILING_SUBJECTS = ConcurrentHashMap.newKeySet();

    private final IdempotentConsumer consumer;
    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transaction;

    RecordingConsumer(IdempotentConsumer consumer, EntityManager entityManager, TransactionSynchronizationRegistry transaction) {
        this.consumer = consumer;
        this.entityManager = entityManager;
        this.transaction = transaction;
    }

    @SuppressWarnings("unchecked")
    private List<String> applied() {
        List<String> applied = (List<String>) transaction.getResource(APPLIED);
        if (applied == null) {
            applied = new ArrayList<>();
            transaction.putResource(APPLIED, applied);
        }
        return applied;
    }

    /** Key of the subjects of the events applied in the transaction under way, for its deferred step. */
    private static final Object APPLIED = new Object();

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
            applied().add(event.subject());
        }, this::recordDeferred);
    }

    /** The deferred step: one row per subject, "deferred:" and how many of its events the transaction applied before it. */
    private void recordDeferred() {
        Map<String, Long> bySubject = applied().stream().collect(Collectors.groupingBy(subject -> subject, Collectors.counting()));
        applied().clear();
        bySubject.forEach((subject, count) -> entityManager
                .createNativeQuery("insert into test_effect (event_id, subject, traceparent) values (?1, ?2, 'none')")
                .setParameter(1, "deferred:" + count).setParameter(2, "deferred-" + subject)
                .executeUpdate());
    }
}
