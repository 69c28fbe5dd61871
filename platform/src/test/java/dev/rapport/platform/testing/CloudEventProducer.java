package dev.rapport.platform.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes events the way another service's outbox relay does (CloudEvents binary mode, key =
 * owner id), so a consumer's tests can feed it without running the producing service.
 */
public final class CloudEventProducer implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final String source;

    public CloudEventProducer(String bootstrapServers, String topic, String source) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
        this.topic = topic;
        this.source = source;
    }

    /** Sends one event and waits for the broker; returns its {@code ce_id}. */
    public String send(String ownerId, String type, String subject, String json) {
        return send(UUID.randomUUID().toString(), ownerId, type, subject, json);
    }

    /** Sends one event with a given id (to test redelivery) and waits for the broker. */
    public String send(String eventId, String ownerId, String type, String subject, String json) {
        return send(eventId, ownerId, type, subject, json, Map.of());
    }

    /**
     * Sends one event with extension attributes as well, each as a {@code ce_<name>} header (such
     * as {@code traceparent}), and waits for the broker.
     */
    public String send(String eventId, String ownerId, String type, String subject, String json, Map<String, String> extensions) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, ownerId, json);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", eventId);
        header(record, "ce_source", source);
        header(record, "ce_type", type);
        header(record, "ce_time", Instant.now().toString());
        header(record, "ce_subject", subject);
        header(record, "ce_ownerid", ownerId);
        header(record, "content-type", "application/json");
        extensions.forEach((name, value) -> header(record, "ce_" + name, value));
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused the test event", e.getCause());
        }
        return eventId;
    }

    /** Sends a record that is not a CloudEvent at all, as a poison message. */
    public void sendRaw(String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused the test record", e.getCause());
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
