package dev.rapport.platform.inbox;

import java.util.function.BiConsumer;

import org.eclipse.microprofile.reactive.messaging.Metadata;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The failure strategy of every Rapport consumer ({@code failure-strategy=}{@value #STRATEGY}):
 * the dead-letter queue, except while the service stops. A failure then comes from the stop
 * itself (the gate turning an event away, Hibernate or the pool closing), not from the event:
 * the record is neither acknowledged nor dead-lettered. Its channel processes records in order,
 * so it stops there, the offsets from it on stay uncommitted, and the next instance applies
 * them.
 */
@ApplicationScoped
@Identifier(DeadLetterUnlessStopping.STRATEGY)
public class DeadLetterUnlessStopping implements KafkaFailureHandler.Factory {

    public static final String STRATEGY = "dead-letter-queue-unless-stopping";

    private final KafkaFailureHandler.Factory deadLetterQueue;
    private final ConsumerGate gate;

    DeadLetterUnlessStopping(@Identifier(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE) KafkaFailureHandler.Factory deadLetterQueue,
            ConsumerGate gate) {
        this.deadLetterQueue = deadLetterQueue;
        this.gate = gate;
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
            KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        KafkaFailureHandler deadLetters = deadLetterQueue.create(config, vertx, consumer, reportFailure);
        return new KafkaFailureHandler() {

            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                if (gate.closed()) {
                    Log.infof("Leaving %s-%d@%d for the next instance, as the service is stopping: %s",
                            record.getTopic(), record.getPartition(), record.getOffset(), reason.getMessage());
                    return Uni.createFrom().nothing();
                }
                return deadLetters.handle(record, reason, metadata);
            }

            @Override
            public void terminate() {
                deadLetters.terminate();
            }
        };
    }
}
