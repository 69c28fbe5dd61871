package dev.rapport.platform.admin;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.platform.http.Page;
import dev.rapport.platform.http.ProblemException;
import dev.rapport.platform.inbox.InboundEvent;
import dev.rapport.platform.inbox.ProcessedEvents;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The service's dead-letter topic, read and replayed: a dead letter is published again, with
 * its key and CloudEvents headers, to the topic and partition it was read from. Every consumer
 * group of that topic receives it again; those that applied it skip it by its {@code ce_id}.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern ID = Pattern.compile("(0|[1-9][0-9]{0,8})-(0|[1-9][0-9]{0,17})");
    private static final String DEAD_LETTER_HEADERS = "dead-letter-";

    private final IncomingChannels channels;
    private final ProcessedEvents processed;
    private final ObjectMapper mapper;
    private final String bootstrapServers;
    private KafkaProducer<String, String> producer;

    DeadLetters(IncomingChannels channels, ProcessedEvents processed, ObjectMapper mapper,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.channels = channels;
        this.processed = processed;
        this.mapper = mapper;
        this.bootstrapServers = bootstrapServers;
    }

    /** One page of dead letters, oldest first in each partition, partitions in order. */
    public Page<DeadLetter> list(int limit, String cursor) {
        String topic = topic();
        DeadLetterCursor after = cursor == null ? null : DeadLetterCursor.decode(cursor);
        List<DeadLetter> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, KAFKA_TIMEOUT).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .sorted(Comparator.comparingInt(TopicPartition::partition))
                    .toList();
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions, KAFKA_TIMEOUT);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, KAFKA_TIMEOUT);
            for (TopicPartition partition : partitions) {
                if (after != null && partition.partition() < after.partition()) {
                    continue;
                }
                long from = beginnings.get(partition);
                if (after != null && partition.partition() == after.partition()) {
                    from = Math.max(from, after.offset());
                }
                found.addAll(read(consumer, partition, from, ends.get(partition), limit + 1 - found.size()));
                if (found.size() > limit) {
                    break;
                }
            }
        } catch (KafkaException e) {
            throw unavailable(e);
        }
        String next = null;
        if (found.size() > limit) {
            DeadLetter first = found.get(limit);
            next = new DeadLetterCursor(partitionOf(first.id()), offsetOf(first.id())).encode();
            found = found.subList(0, limit);
        }
        Map<String, Instant> applied = processed.appliedAt(found.stream().map(DeadLetter::eventId).filter(id -> id != null).toList());
        return new Page<>(found.stream().map(letter -> letter.appliedAt(applied.get(letter.eventId())).summary()).toList(), next);
    }

    /** One dead letter, with its headers, key and body. */
    public DeadLetter get(String id) {
        DeadLetter letter = fetch(id).letter();
        Instant applied = letter.eventId() == null ? null : processed.appliedAt(List.of(letter.eventId())).get(letter.eventId());
        return letter.appliedAt(applied);
    }

    /** Publishes the dead letter again where it came from. */
    public ReplayResponse replay(String id) {
        Fetched fetched = fetch(id);
        DeadLetter letter = fetched.letter();
        if (letter.source() == null || !channels.reads(letter.source().topic())) {
            throw ProblemException.conflict("not-replayable", "Dead letter " + id + " does not name a source topic this service reads");
        }
        RecordHeaders headers = new RecordHeaders();
        for (Header header : fetched.record().headers()) {
            if (!header.key().startsWith(DEAD_LETTER_HEADERS)) {
                headers.add(header);
            }
        }
        ProducerRecord<String, String> again = new ProducerRecord<>(letter.source().topic(), letter.source().partition(),
                fetched.record().key(), fetched.record().value(), headers);
        try {
            RecordMetadata sent = producer().send(again).get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return new ReplayResponse(id, letter.eventId(), new DeadLetter.Position(sent.topic(), sent.partition(), sent.offset()));
        } catch (ExecutionException | java.util.concurrent.TimeoutException | KafkaException e) {
            throw unavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        }
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private record Fetched(ConsumerRecord<String, String> record, DeadLetter letter) {
    }

    private Fetched fetch(String id) {
        Matcher matcher = ID.matcher(id);
        if (!matcher.matches()) {
            throw ProblemException.notFound("dead letter", id);
        }
        TopicPartition partition = new TopicPartition(topic(), Integer.parseInt(matcher.group(1)));
        long offset = Long.parseLong(matcher.group(2));
        try (KafkaConsumer<String, String> consumer = consumer()) {
            boolean exists = consumer.partitionsFor(partition.topic(), KAFKA_TIMEOUT).stream()
                    .anyMatch(info -> info.partition() == partition.partition());
            if (!exists || offset < consumer.beginningOffsets(List.of(partition), KAFKA_TIMEOUT).get(partition)
                    || offset >= consumer.endOffsets(List.of(partition), KAFKA_TIMEOUT).get(partition)) {
                throw ProblemException.notFound("dead letter", id);
            }
            consumer.assign(List.of(partition));
            consumer.seek(partition, offset);
            long deadline = System.nanoTime() + KAFKA_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == offset) {
                        return new Fetched(record, toDeadLetter(record, true));
                    }
                    if (record.offset() > offset) {
                        // A transaction marker or a compacted record: nothing there.
                        throw ProblemException.notFound("dead letter", id);
                    }
                }
            }
            throw unavailable(new KafkaException("the dead letter was not read within " + KAFKA_TIMEOUT.toSeconds() + " s"));
        } catch (KafkaException e) {
            throw unavailable(e);
        }
    }

    private List<DeadLetter> read(KafkaConsumer<String, String> consumer, TopicPartition partition, long from, long to, int wanted) {
        List<DeadLetter> letters = new ArrayList<>();
        if (from >= to) {
            return letters;
        }
        consumer.assign(List.of(partition));
        consumer.seek(partition, from);
        long deadline = System.nanoTime() + KAFKA_TIMEOUT.toNanos();
        while (letters.size() < wanted && consumer.position(partition) < to) {
            if (System.nanoTime() > deadline) {
                throw unavailable(new KafkaException("the dead-letter topic was not read within " + KAFKA_TIMEOUT.toSeconds() + " s"));
            }
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() < to && letters.size() < wanted) {
                    letters.add(toDeadLetter(record, false));
                }
            }
        }
        return letters;
    }

    private DeadLetter toDeadLetter(ConsumerRecord<String, String> record, boolean whole) {
        String sourceTopic = InboundEvent.header(record, "dead-letter-topic");
        DeadLetter.Position source = null;
        try {
            if (sourceTopic != null) {
                source = new DeadLetter.Position(sourceTopic, Integer.parseInt(InboundEvent.header(record, "dead-letter-partition")),
                        Long.parseLong(InboundEvent.header(record, "dead-letter-offset")));
            }
        } catch (NumberFormatException e) {
            source = null;
        }
        Map<String, String> headers = null;
        Object body = null;
        if (whole) {
            headers = new LinkedHashMap<>();
            for (Header header : record.headers()) {
                headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
            }
            body = body(record.value());
        }
        return new DeadLetter(record.partition() + "-" + record.offset(), record.topic(), Instant.ofEpochMilli(record.timestamp()),
                InboundEvent.header(record, "ce_id"), InboundEvent.header(record, "ce_type"), InboundEvent.header(record, "ce_subject"),
                InboundEvent.header(record, "ce_ownerid"), source, InboundEvent.header(record, "dead-letter-reason"),
                InboundEvent.header(record, "dead-letter-exception-class-name"), null, headers,
                whole ? record.key() : null, body);
    }

    /** The body as JSON when it is JSON, else as it is. */
    private Object body(String value) {
        if (value == null) {
            return null;
        }
        try {
            return mapper.readValue(value, Object.class);
        } catch (JsonProcessingException e) {
            return value;
        }
    }

    private String topic() {
        return channels.deadLetterTopic().orElseThrow(() -> ProblemException.notFound("dead-letter topic", "of this service"));
    }

    private static int partitionOf(String id) {
        return Integer.parseInt(id.substring(0, id.indexOf('-')));
    }

    private static long offsetOf(String id) {
        return Long.parseLong(id.substring(id.indexOf('-') + 1));
    }

    private KafkaConsumer<String, String> consumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "dead-letter-reader");
        properties.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) KAFKA_TIMEOUT.toMillis());
        return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties properties = new Properties();
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            properties.put(ProducerConfig.CLIENT_ID_CONFIG, "dead-letter-replay");
            properties.put(ProducerConfig.ACKS_CONFIG, "all");
            properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) KAFKA_TIMEOUT.toMillis());
            producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    static ProblemException unavailable(Exception e) {
        return new ProblemException("kafka-unavailable", "Service Unavailable", 503, "Kafka did not answer: " + e.getMessage());
    }
}
