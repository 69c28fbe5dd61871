package dev.rapport.platform.inbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.platform.account.AccountErased;
import dev.rapport.platform.account.Accounts;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * How every consumer applies events: in one transaction with the record that each was applied
 * (a redelivery has no second effect), retried while the failure may pass, dead-lettered when
 * the event is malformed, and left for the next instance when the service stops (see
 * {@link ConsumerGate}). Consumers call {@link #applyAll} from a {@code @Blocking}
 * {@code @Incoming} method that takes what one poll of the broker brought: a
 * {@code List<ConsumerRecord<String, String>>} (which makes the channel a batch channel, with
 * string deserializers) and the batch's {@link IncomingKafkaRecordBatchMetadata} (which holds
 * each record as a message of its own, to dead-letter it alone). That keeps each partition in
 * order, on a channel whose failure strategy is {@value DeadLetterUnlessStopping#STRATEGY}.
 * <p>
 * A batch is applied in one transaction: one commit, one statement recording the events as
 * applied and one reading the accounts' erasures, instead of a transaction and both statements
 * per event. When an event of the batch fails for good (malformed, a bug), the transaction rolls
 * back and the batch is applied again one event per transaction, so that only that event is
 * dead-lettered and every other one is applied.
 * <p>
 * Two kinds of event never reach the consumer's effect: an account's erasure
 * ({@value AccountErased#TYPE}), which erases the account's data on this service, whichever
 * service consumes it; and an event about an account that happened before the account was
 * erased here, which arrived late and would bring its data back.
 * <p>
 * Each event's effect runs inside a consumer span whose parent is the sender's span, read from
 * the event's {@code ce_traceparent}: whatever the effect writes (outbox events, webhook
 * deliveries) and logs is in the sender's trace. The Kafka connector's own tracing, which reads a
 * plain {@code traceparent} header our events do not have, is off (microprofile-config.properties),
 * so this span has no competing parent.
 */
@ApplicationScoped
public class IdempotentConsumer {

    /** How often a wait for the dead-letter topic's answer looks whether the service is stopping. */
    private static final long DEAD_LETTER_POLL_MILLIS = 200;
    private static final Runnable NOTHING_DEFERRED = () -> {
    };

    private final ProcessedEvents processed;
    private final ConsumerGate gate;
    private final Accounts accounts;
    private final Tracer tracer;
    private final ObjectMapper mapper;
    private final EntityManager entityManager;

    IdempotentConsumer(ProcessedEvents processed, ConsumerGate gate, Accounts accounts, Tracer tracer, ObjectMapper mapper,
            EntityManager entityManager) {
        this.processed = processed;
        this.gate = gate;
        this.accounts = accounts;
        this.tracer = tracer;
        this.mapper = mapper;
        this.entityManager = entityManager;
    }

    /** A record of the batch and the event read from it. */
    private record Delivery(Message<?> record, InboundEvent event) {

        String what() {
            return event.type() + " " + event.id();
        }
    }

    /**
     * Applies {@code effect} once per {@code consumer} to each event of the batch, in order; a
     * record that is not one of our events, or whose effect fails for good, goes to the
     * dead-letter topic on its own. Returns when the batch may be acknowledged. Throws when the
     * service stops meanwhile (or the dead-letter topic cannot be written): the connector then
     * nacks the batch, which {@link DeadLetterUnlessStopping} leaves for the next instance.
     */
    public void applyAll(String consumer, IncomingKafkaRecordBatchMetadata<String, String> batch, Consumer<InboundEvent> effect) {
        applyAll(consumer, batch, effect, NOTHING_DEFERRED);
    }

    /**
     * {@link #applyAll(String, IncomingKafkaRecordBatchMetadata, Consumer)} for a consumer that
     * defers part of each event's work to the end of the transaction, to do it for all the events
     * at once: {@code deferred} runs in the same transaction, after the effects of every event the
     * transaction applies (the batch, or one event when they are applied one at a time), and
     * before an account's erasure, so that nothing deferred about the account runs after it.
     */
    public void applyAll(String consumer, IncomingKafkaRecordBatchMetadata<String, String> batch, Consumer<InboundEvent> effect,
            Runnable deferred) {
        List<Delivery> deliveries = new ArrayList<>(batch.count());
        for (Message<?> record : batch.getBatchedMessages()) {
            try {
                deliveries.add(new Delivery(record, InboundEvent.from(consumerRecord(record), mapper)));
            } catch (MalformedEventException e) {
                deadLetter(record, e);
            }
        }
        if (!deliveries.isEmpty()) {
            applyAll(consumer, deliveries, new Effect(effect, deferred));
        }
    }

    private void applyAll(String consumer, List<Delivery> deliveries, Effect effect) {
        String what = deliveries.size() == 1 ? deliveries.get(0).what()
                : deliveries.size() + " events from " + deliveries.get(0).what() + " on";
        gate.enter(what);
        try {
            if (deliveries.size() == 1) {
                applyAlone(consumer, deliveries.get(0), effect);
                return;
            }
            try {
                TransientFailures.retry(what, gate, () -> QuarkusTransaction.requiringNew().run(() -> applyInTransaction(consumer, deliveries, effect)));
            } catch (ServiceStoppingException e) {
                throw e;
            } catch (RuntimeException e) {
                Log.infof("Applying %s failed (%s); applying them one at a time", what, e.getMessage());
                for (Delivery delivery : deliveries) {
                    applyAlone(consumer, delivery, effect);
                }
            }
        } finally {
            gate.leave();
        }
    }

    /** One event in a transaction of its own; dead-lettered when it fails for good. */
    private void applyAlone(String consumer, Delivery delivery, Effect effect) {
        try {
            TransientFailures.retry(delivery.what(), gate,
                    () -> QuarkusTransaction.requiringNew().run(() -> applyInTransaction(consumer, List.of(delivery), effect)));
        } catch (ServiceStoppingException e) {
            throw e;
        } catch (RuntimeException e) {
            deadLetter(delivery.record(), e);
        }
    }

    private void applyInTransaction(String consumer, List<Delivery> deliveries, Effect effect) {
        Set<String> firstDeliveries = processed.firstDeliveries(consumer, deliveries.stream().map(d -> d.event().id()).toList());
        Map<UUID, Instant> erasedAt = new HashMap<>(accounts.erasedAt(deliveries.stream().map(d -> d.event().ownerId()).toList()));
        for (Delivery delivery : deliveries) {
            InboundEvent event = delivery.event();
            // Removed once applied: a second copy of the event in the same batch is skipped too.
            if (!firstDeliveries.remove(event.id())) {
                continue;
            }
            Instant erased = erasedAt.get(event.ownerId());
            if (AccountErased.TYPE.equals(event.type())) {
                runDeferred(effect);
                accounts.erase(event.ownerId(), event.time());
                erasedAt.merge(event.ownerId(), event.time(), (a, b) -> a.isAfter(b) ? a : b);
            } else if (erased != null && !erased.isBefore(event.time())) {
                Log.debugf("Skipping %s: its account was erased since", delivery.what());
            } else {
                traced(consumer, event, effect.perEvent());
                // Each event's entities leave the session, so that the flushes of later events
                // in the batch do not check them all again.
                entityManager.flush();
                entityManager.clear();
            }
        }
        runDeferred(effect);
    }

    /** What a consumer does with each event, and at the end with what it deferred. */
    private record Effect(Consumer<InboundEvent> perEvent, Runnable deferred) {
    }

    private void runDeferred(Effect effect) {
        effect.deferred().run();
        entityManager.flush();
        entityManager.clear();
    }

    private void traced(String consumer, InboundEvent event, Consumer<InboundEvent> effect) {
        Span span = tracer.spanBuilder("process " + event.type())
                .setSpanKind(SpanKind.CONSUMER)
                .setParent(event.trace().asParent())
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.message.id", event.id())
                .setAttribute("cloudevents.event_id", event.id())
                .setAttribute("cloudevents.event_type", event.type())
                .setAttribute("cloudevents.event_source", event.source())
                .setAttribute("rapport.consumer", consumer)
                .startSpan();
        try (Scope current = span.makeCurrent()) {
            effect.accept(event);
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.getMessage());
            throw e;
        } finally {
            span.end();
        }
    }

    /**
     * Sends the record to the channel's dead-letter topic and waits for the broker's answer, so
     * that the batch's offsets are not committed past a record the topic does not hold yet.
     * When the service stops meanwhile, the record stays with the batch for the next instance.
     */
    private void deadLetter(Message<?> record, Throwable reason) {
        ConsumerRecord<String, String> consumed = consumerRecord(record);
        String where = consumed.topic() + "-" + consumed.partition() + "@" + consumed.offset();
        Log.warnf("Dead-lettering %s: %s", where, reason.getMessage());
        Future<Void> sent = record.nack(reason).toCompletableFuture();
        while (true) {
            try {
                sent.get(DEAD_LETTER_POLL_MILLIS, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                if (gate.closed()) {
                    throw new ServiceStoppingException("Not dead-lettering " + where + ": the service is stopping", reason);
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("The dead-letter topic did not take " + where, e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServiceStoppingException("Interrupted while dead-lettering a record", reason);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, String> consumerRecord(Message<?> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> (ConsumerRecord<String, String>) metadata.getRecord())
                .orElseThrow(() -> new IllegalStateException("A Kafka record without its incoming metadata"));
    }
}
