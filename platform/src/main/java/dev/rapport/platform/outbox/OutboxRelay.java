package dev.rapport.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.rapport.platform.tracing.TraceContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Publishes outbox rows to Kafka as CloudEvents 1.0 in binary mode, keyed by owner id.
 * Woken right after a commit that wrote events, and sweeping on an interval in case a wake-up
 * was missed or the broker was down. One instance relays at a time (a PostgreSQL advisory
 * lock); a row is marked published only after the broker acknowledged it.
 */
@ApplicationScoped
public class OutboxRelay {

    /** Advisory lock key, the same for every instance of a service (each service has its own database). */
    static final long RELAY_LOCK = 0x52_41_50_50_4F_52_54L;

    private final DataSource dataSource;
    private final OutboxConfig config;
    private final Clock clock;
    private final String bootstrapServers;
    private final Counter published;
    private final Tracer tracer;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private volatile RelayStatus status = new RelayStatus(RelayStatus.State.STARTING, null, null, 0, null, null);
    private Thread worker;
    private Producer<String, String> producer;

    OutboxRelay(DataSource dataSource, OutboxConfig config, Clock clock, MeterRegistry registry, Tracer tracer,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.dataSource = dataSource;
        this.tracer = tracer;
        this.config = config;
        this.clock = clock;
        this.bootstrapServers = bootstrapServers;
        this.published = Counter.builder("rapport.outbox.published")
                .description("Events the outbox relay published and the broker acknowledged")
                .register(registry);
    }

    void start(@Observes StartupEvent startup) {
        if (!config.relayEnabled()) {
            Log.info("Outbox relay disabled on this instance");
            status = new RelayStatus(RelayStatus.State.DISABLED, null, null, 0, null, null);
            return;
        }
        producer = new KafkaProducer<>(producerProperties(), new StringSerializer(), new StringSerializer());
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        if (status.state() != RelayStatus.State.DISABLED) {
            status = withState(RelayStatus.State.STOPPED);
        }
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** What this instance's relay is doing, as of its last round. */
    public RelayStatus status() {
        return status;
    }

    /** Asks the relay to look for new events now rather than at the next sweep. */
    public void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    private void loop() {
        while (running) {
            try {
                wakeUps.tryAcquire(config.sweepInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
                while (running && relayOnce() == Round.FULL) {
                    // More rows are waiting: keep going without pausing.
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                Log.warnf("Outbox relay round failed, will retry: %s", e.getMessage());
                roundFailed(e.getMessage());
            }
        }
    }

    enum Round { FULL, PARTIAL, SKIPPED }

    /**
     * Publishes one batch of unpublished events in outbox order. Visible for tests, which
     * drive it directly instead of waiting for the background thread.
     */
    Round relayOnce() {
        return QuarkusTransaction.requiringNew()
                .timeout((int) config.deliveryTimeout().multipliedBy(2).toSeconds() + 10)
                .call(() -> {
                    try (Connection connection = dataSource.getConnection()) {
                        if (!tryLock(connection)) {
                            status = withState(RelayStatus.State.STANDBY);
                            return Round.SKIPPED;
                        }
                        List<OutboxRow> rows = unpublished(connection);
                        List<Long> acknowledged = send(rows);
                        markPublished(connection, acknowledged);
                        published.increment(acknowledged.size());
                        relayed(acknowledged.size(), rows.size());
                        return rows.size() == config.batchSize() && acknowledged.size() == rows.size()
                                ? Round.FULL
                                : Round.PARTIAL;
                    }
                });
    }

    private void relayed(int acknowledged, int sent) {
        if (acknowledged < sent) {
            roundFailed("Kafka did not acknowledge " + (sent - acknowledged) + " of " + sent + " events");
            return;
        }
        RelayStatus last = status;
        Instant now = clock.instant();
        status = new RelayStatus(RelayStatus.State.RELAYING, now, acknowledged > 0 ? now : last.lastPublishedAt(),
                last.publishedSinceStart() + acknowledged, last.lastFailure(), last.lastFailureAt());
    }

    private void roundFailed(String why) {
        RelayStatus last = status;
        Instant now = clock.instant();
        status = new RelayStatus(RelayStatus.State.FAILING, now, last.lastPublishedAt(), last.publishedSinceStart(), why, now);
    }

    private RelayStatus withState(RelayStatus.State state) {
        RelayStatus last = status;
        return new RelayStatus(state, clock.instant(), last.lastPublishedAt(), last.publishedSinceStart(), last.lastFailure(),
                last.lastFailureAt());
    }

    private List<Long> send(List<OutboxRow> rows) throws InterruptedException {
        List<Future<RecordMetadata>> sent = new ArrayList<>(rows.size());
        List<Span> sending = new ArrayList<>(rows.size());
        try {
            for (OutboxRow row : rows) {
                Span span = startSending(row);
                sending.add(span);
                Future<RecordMetadata> future = producer.send(toRecord(row, span));
                sent.add(future);
                if (future.isDone() && failed(future)) {
                    // No metadata from the broker: it is down, don't wait for it once per row.
                    break;
                }
            }
            producer.flush();
            // An owner's later events are not marked after one of theirs failed: they go out
            // again after it, so the topic's last word on that owner stays in order.
            Set<String> failedOwners = new HashSet<>();
            List<Long> acknowledged = new ArrayList<>(rows.size());
            for (int i = 0; i < sent.size(); i++) {
                OutboxRow row = rows.get(i);
                try {
                    sent.get(i).get();
                    if (!failedOwners.contains(row.ownerId())) {
                        acknowledged.add(row.position());
                    }
                } catch (ExecutionException e) {
                    failedOwners.add(row.ownerId());
                    sending.get(i).setStatus(StatusCode.ERROR, "not acknowledged: " + e.getCause().getMessage());
                    Log.debugf("Event %s not acknowledged: %s", row.id(), e.getCause().getMessage());
                }
            }
            if (!failedOwners.isEmpty()) {
                Log.warnf("Kafka did not acknowledge events of %d owner(s); they stay in the outbox", failedOwners.size());
            }
            return acknowledged;
        } finally {
            sending.forEach(Span::end);
        }
    }

    /**
     * A producer span for an event written in a trace, child of the span that wrote it, from the
     * send until the broker's answer: in the trace, the gap before it is the event's time in the
     * outbox. Its context is what the record carries, so consumers become its children. An event
     * written outside any trace gets no span and no trace headers ({@link Span#getInvalid()}).
     */
    private Span startSending(OutboxRow row) {
        if (!row.trace().isPresent()) {
            return Span.getInvalid();
        }
        return tracer.spanBuilder("send " + config.topic())
                .setSpanKind(SpanKind.PRODUCER)
                .setParent(row.trace().asParent())
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.destination.name", config.topic())
                .setAttribute("messaging.message.id", row.id())
                .setAttribute("cloudevents.event_id", row.id())
                .setAttribute("cloudevents.event_type", row.type())
                .setAttribute("cloudevents.event_source", config.source())
                .startSpan();
    }

    private static boolean failed(Future<RecordMetadata> future) throws InterruptedException {
        try {
            future.get();
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    private ProducerRecord<String, String> toRecord(OutboxRow row, Span sending) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", row.id());
        header(headers, "ce_source", config.source());
        header(headers, "ce_type", row.type());
        header(headers, "ce_time", DateTimeFormatter.ISO_INSTANT.format(row.occurredAt().toInstant()));
        header(headers, "ce_subject", row.subject());
        header(headers, "ce_ownerid", row.ownerId());
        header(headers, "content-type", "application/json");
        // The CloudEvents distributed-tracing extension, in binary mode: ce_ + attribute name.
        TraceContext trace = TraceContext.of(Context.root().with(sending));
        if (trace.isPresent()) {
            header(headers, "ce_traceparent", trace.traceparent());
            if (trace.tracestate() != null) {
                header(headers, "ce_tracestate", trace.tracestate());
            }
        }
        return new ProducerRecord<>(config.topic(), null, row.ownerId(), row.payload(), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet result = lock.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    private List<OutboxRow> unpublished(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                select position, id, owner_id, subject, type, occurred_at, payload, traceparent, tracestate
                from outbox_event where published_at is null order by position limit ?""")) {
            select.setInt(1, config.batchSize());
            List<OutboxRow> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new OutboxRow(result.getLong(1), result.getString(2), result.getString(3),
                            result.getString(4), result.getString(5), result.getTimestamp(6), result.getString(7),
                            new TraceContext(result.getString(8), result.getString(9))));
                }
            }
            return rows;
        }
    }

    private void markPublished(Connection connection, List<Long> positions) throws SQLException {
        if (positions.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update outbox_event set published_at = ? where position = any(?)")) {
            Array array = connection.createArrayOf("bigint", positions.toArray());
            update.setTimestamp(1, Timestamp.from(clock.instant()));
            update.setArray(2, array);
            update.executeUpdate();
        }
    }

    private Properties producerProperties() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + config.source().replace('/', '-'));
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        int deliveryMillis = (int) config.deliveryTimeout().toMillis();
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(5_000, deliveryMillis - 10));
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryMillis);
        // Without a broker, send() would block for a minute waiting for metadata.
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        return properties;
    }

    private record OutboxRow(long position, String id, String ownerId, String subject, String type,
            Timestamp occurredAt, String payload, TraceContext trace) {
    }
}
