package dev.rapport.platform.inbox;

import java.util.function.Consumer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * How every consumer applies an event: in one transaction with the record that it was applied
 * (a redelivery has no second effect), retried while the failure may pass, dead-lettered when
 * the event is malformed, and left for the next instance when the service stops (see
 * {@link ConsumerGate}). Consumers call it from a {@code @Blocking} {@code @Incoming} method,
 * which keeps each partition in order, on a channel whose failure strategy is
 * {@value DeadLetterUnlessStopping#STRATEGY}.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private final ProcessedEvents processed;
    private final ConsumerGate gate;

    IdempotentConsumer(ProcessedEvents processed, ConsumerGate gate) {
        this.processed = processed;
        this.gate = gate;
    }

    /** Applies {@code effect} to {@code event} once per {@code consumer}. */
    public void apply(String consumer, InboundEvent event, Consumer<InboundEvent> effect) {
        String what = event.type() + " " + event.id();
        gate.enter(what);
        try {
            TransientFailures.retry(what, gate, () -> QuarkusTransaction.requiringNew().run(() -> {
                if (processed.firstDelivery(consumer, event.id())) {
                    effect.accept(event);
                }
            }));
        } finally {
            gate.leave();
        }
    }
}
