package dev.rapport.platform.inbox;

import java.util.function.Consumer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * How every consumer applies an event: in one transaction with the record that it was applied
 * (a redelivery has no second effect), retried while the failure may pass, and dead-lettered
 * when the event is malformed. Consumers call it from a {@code @Blocking} {@code @Incoming}
 * method, which keeps each partition in order.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private final ProcessedEvents processed;

    IdempotentConsumer(ProcessedEvents processed) {
        this.processed = processed;
    }

    /** Applies {@code effect} to {@code event} once per {@code consumer}. */
    public void apply(String consumer, InboundEvent event, Consumer<InboundEvent> effect) {
        TransientFailures.retry(event.type() + " " + event.id(), () -> QuarkusTransaction.requiringNew().run(() -> {
            if (processed.firstDelivery(consumer, event.id())) {
                effect.accept(event);
            }
        }));
    }
}
