package dev.rapport.platform.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** A consumer written the way every service writes one, whose effect is a row per event. */
@ApplicationScoped
public class RecordingConsumer {

    private final ProcessedEvents processed;
    private final EntityManager entityManager;
    private final ObjectMapper mapper;

    RecordingConsumer(ProcessedEvents processed, EntityManager entityManager, ObjectMapper mapper) {
        this.processed = processed;
        this.entityManager = entityManager;
        this.mapper = mapper;
    }

    @Incoming("test-events")
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        InboundEvent event = InboundEvent.from(record, mapper);
        if (!processed.firstDelivery("platform-test", event.id())) {
            return;
        }
        entityManager.createNativeQuery("insert into test_effect (event_id, subject) values (?1, ?2)")
                .setParameter(1, event.id())
                .setParameter(2, event.subject())
                .executeUpdate();
    }
}
