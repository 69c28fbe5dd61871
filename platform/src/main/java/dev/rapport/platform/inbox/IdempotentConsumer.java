package dev.rapport.platform.inbox;

import java.util.function.Consumer;

import dev.rapport.platform.account.AccountErased;
import dev.rapport.platform.account.Accounts;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * How every consumer applies an event: in one transaction with the record that it was applied
 * (a redelivery has no second effect), retried while the failure may pass, dead-lettered when
 * the event is malformed, and left for the next instance when the service stops (see
 * {@link ConsumerGate}). Consumers call it from a {@code @Blocking} {@code @Incoming} method,
 * which keeps each partition in order, on a channel whose failure strategy is
 * {@value DeadLetterUnlessStopping#STRATEGY}.
 * <p>
 * Two kinds of event never reach the consumer's effect: an account's erasure
 * ({@value AccountErased#TYPE}), which erases the account's data on this service, whichever
 * service consumes it; and an event about an account that happened before the account was
 * erased here, which arrived late and would bring its data back.
 * <p>
 * Each delivery is applied inside a consumer span whose parent is the sender's span, read from
 * the event's {@code ce_traceparent}: whatever the effect writes (outbox events, webhook
 * deliveries) and logs is in the sender's trace. The Kafka connector's own tracing, which reads a
 * plain {@code traceparent} header our events do not have, is off (microprofile-config.properties),
 * so this span has no competing parent.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private final ProcessedEvents processed;
    private final ConsumerGate gate;
    private final Accounts accounts;
    private final Tracer tracer;

    IdempotentConsumer(ProcessedEvents processed, ConsumerGate gate, Accounts accounts, Tracer tracer) {
        this.processed = processed;
        this.gate = gate;
        this.accounts = accounts;
        this.tracer = tracer;
    }

    /** Applies {@code effect} to {@code event} once per {@code consumer}. */
    public void apply(String consumer, InboundEvent event, Consumer<InboundEvent> effect) {
        String what = event.type() + " " + event.id();
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
            applyOnce(consumer, event, effect, what);
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.getMessage());
            throw e;
        } finally {
            span.end();
        }
    }

    private void applyOnce(String consumer, InboundEvent event, Consumer<InboundEvent> effect, String what) {
        gate.enter(what);
        try {
            TransientFailures.retry(what, gate, () -> QuarkusTransaction.requiringNew().run(() -> {
                if (!processed.firstDelivery(consumer, event.id())) {
                    return;
                }
                if (AccountErased.TYPE.equals(event.type())) {
                    accounts.erase(event.ownerId(), event.time());
                } else if (accounts.erasedSince(event.ownerId(), event.time())) {
                    Log.debugf("Skipping %s: its account was erased since", what);
                } else {
                    effect.accept(event);
                }
            }));
        } finally {
            gate.leave();
        }
    }
}
