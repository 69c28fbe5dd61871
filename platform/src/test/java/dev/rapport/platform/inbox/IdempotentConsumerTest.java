package dev.rapport.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.rapport.platform.testing.KafkaTopics;
import dev.rapport.platform.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

@QuarkusTest
class IdempotentConsumerTest {

    @Inject
    EntityManager entityManager;

    private KafkaProducer<String, String> producer;
    private TopicReader deadLetters;

    @BeforeEach
    void connect() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTopics.SHARED_BROKER);
        producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
        deadLetters = new TopicReader(KafkaTopics.SHARED_BROKER, "platform-test.inbound.dlq");
    }

    @AfterEach
    void disconnect() {
        producer.close();
        deadLetters.close();
    }

    @Test
    void sameEventDeliveredTwiceHasOneEffect() throws Exception {
        UUID owner = UUID.randomUUID();
        String subject = UUID.randomUUID().toString();
        ProducerRecord<String, String> event = event(owner, UUID.randomUUID().toString(), subject, "{\"n\":1}");
        producer.send(event).get();
        producer.send(event).get();
        ProducerRecord<String, String> marker = event(owner, UUID.randomUUID().toString(), subject, "{\"n\":2}");
        producer.send(marker).get();

        // The marker comes after both copies in the same partition: once it is applied, so were they.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(effectsOf(subject)).hasSize(2));
        assertThat(effectsOf(subject)).containsExactly(header(event, "ce_id"), header(marker, "ce_id"));
    }

    @Test
    void malformedMessageGoesToDeadLetterTopicAndNextIsProcessed() throws Exception {
        UUID owner = UUID.randomUUID();
        String subject = UUID.randomUUID().toString();
        ProducerRecord<String, String> poison = event(owner, UUID.randomUUID().toString(), subject, "{not json");
        producer.send(poison).get();
        ProducerRecord<String, String> next = event(owner, UUID.randomUUID().toString(), subject, "{\"ok\":true}");
        producer.send(next).get();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(effectsOf(subject)).containsExactly(header(next, "ce_id")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var dead = deadLetters.poll(TopicReader.withSubject(UUID.fromString(subject)));
            assertThat(dead).hasSize(1);
            assertThat(dead.get(0).value()).isEqualTo("{not json");
            assertThat(TopicReader.header(dead.get(0), "ce_id")).isEqualTo(header(poison, "ce_id"));
            assertThat(TopicReader.header(dead.get(0), "dead-letter-reason")).contains("not JSON");
        });
    }

    @Test
    void eventFoundMalformedWhileApplyingIsRolledBackAndDeadLettered() throws Exception {
        UUID owner = UUID.randomUUID();
        String subject = UUID.randomUUID().toString();
        ProducerRecord<String, String> bad = event(owner, UUID.randomUUID().toString(), subject, "{\"fail\":true}");
        producer.send(bad).get();
        ProducerRecord<String, String> next = event(owner, UUID.randomUUID().toString(), subject, "{\"ok\":true}");
        producer.send(next).get();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(effectsOf(subject)).containsExactly(header(next, "ce_id")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(deadLetters.poll(TopicReader.withSubject(UUID.fromString(subject)))).hasSize(1));
    }

    @Test
    void eventsSentTogetherAreEachAppliedOnceAroundOneThatFails() throws Exception {
        // Sent without waiting, they reach the consumer in one or a few polls, so in batches: one
        // bad event must not cost the others their effect, nor give any of them a second one.
        UUID owner = UUID.randomUUID();
        String subject = UUID.randomUUID().toString();
        List<ProducerRecord<String, String>> sent = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            sent.add(event(owner, UUID.randomUUID().toString(), subject, i == 11 ? "{\"fail\":true}" : "{\"n\":" + i + "}"));
        }
        sent.add(17, sent.get(4));
        sent.add(sent.get(29));
        sent.forEach(producer::send);
        producer.flush();

        List<String> expected = sent.stream().filter(r -> !r.value().contains("fail")).map(r -> header(r, "ce_id")).distinct().toList();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(effectsOf(subject)).hasSize(expected.size()));
        assertThat(effectsOf(subject)).containsExactlyElementsOf(expected);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var dead = deadLetters.poll(TopicReader.withSubject(UUID.fromString(subject)));
            assertThat(dead).hasSize(1);
            assertThat(TopicReader.header(dead.get(0), "ce_id")).isEqualTo(header(sent.get(11), "ce_id"));
        });
    }

    @Test
    void deferredWorkRunsOncePerTransactionAfterItsEvents() {
        UUID owner = UUID.randomUUID();
        String subject = UUID.randomUUID().toString();
        for (int i = 0; i < 20; i++) {
            producer.send(event(owner, UUID.randomUUID().toString(), subject, "{\"n\":" + i + "}"));
        }
        producer.flush();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(effectsOf(subject)).hasSize(20));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(effectsOf("deferred-" + subject).stream()
                .mapToInt(row -> Integer.parseInt(row.substring("deferred:".length()))).sum())
                .as("every event's work deferred, once").isEqualTo(20));
        assertThat(effectsOf("deferred-" + subject)).as("sent together, they were applied in batches").hasSizeLessThan(20);
    }

    @Test
    void recordWithoutCloudEventHeadersGoesToDeadLetterTopic() throws Exception {
        String marker = UUID.randomUUID().toString();
        producer.send(new ProducerRecord<>("platform-test.inbound", marker, "{}")).get();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var dead = deadLetters.poll(r -> marker.equals(r.key()));
            assertThat(dead).hasSize(1);
            assertThat(TopicReader.header(dead.get(0), "dead-letter-reason")).contains("ce_id");
        });
    }

    @SuppressWarnings("unchecked")
    private List<String> effectsOf(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select event_id from test_effect where subject = ?1 order by position")
                .setParameter(1, subject).getResultList());
    }

    private static ProducerRecord<String, String> event(UUID owner, String id, String subject, String body) {
        ProducerRecord<String, String> record = new ProducerRecord<>("platform-test.inbound", owner.toString(), body);
        record.headers()
                .add("ce_specversion", bytes("1.0"))
                .add("ce_id", bytes(id))
                .add("ce_source", bytes("/rapport/tests"))
                .add("ce_type", bytes("rapport.test.happened.v1"))
                .add("ce_time", bytes("2026-11-23T10:00:00Z"))
                .add("ce_subject", bytes(subject))
                .add("ce_ownerid", bytes(owner.toString()))
                .add("content-type", bytes("application/json"));
        return record;
    }

    private static String header(ProducerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
