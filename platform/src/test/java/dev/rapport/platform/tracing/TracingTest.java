package dev.rapport.platform.tracing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.rapport.platform.outbox.ThingService;
import dev.rapport.platform.testing.KafkaTopics;
import dev.rapport.platform.testing.Tokens;
import dev.rapport.platform.testing.TopicReader;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * One trace from a request through the outbox and Kafka to a consumer: the relay sends the
 * request's trace as ce_traceparent, and a consumer applies an event inside a span of the trace
 * the event's ce_traceparent names.
 */
@QuarkusTest
class TracingTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    InMemorySpanExporter spans;

    @Inject
    EntityManager entityManager;

    @Inject
    ThingService things;

    private TopicReader published;
    private TopicReader deadLetters;
    private KafkaProducer<String, String> producer;

    @BeforeEach
    void connect() {
        published = new TopicReader(KafkaTopics.SHARED_BROKER, "platform-test.events");
        deadLetters = new TopicReader(KafkaTopics.SHARED_BROKER, "platform-test.inbound.dlq");
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTopics.SHARED_BROKER);
        producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    @AfterEach
    void disconnect() {
        published.close();
        deadLetters.close();
        producer.close();
    }

    @Test
    void anEventWrittenInATracedRequestGoesOutWithTheRequestsTrace() {
        String traceId = hex(16);
        String callerSpanId = hex(8);
        given().auth().oauth2(Tokens.of("alice"))
                .header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .post("/things").then().statusCode(201);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(published.poll(inTrace(traceId))).hasSize(1));
        ConsumerRecord<String, String> record = published.poll(inTrace(traceId)).get(0);
        String traceparent = TopicReader.header(record, "ce_traceparent");
        assertThat(traceparent).matches("00-" + traceId + "-[0-9a-f]{16}-01");

        // The record's parent is the relay's send span, a child of the request's server span,
        // itself a child of the caller's span.
        String sendSpanId = traceparent.split("-")[2];
        SpanData send = awaitSpan(sendSpanId);
        assertThat(send.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(send.getTraceId()).isEqualTo(traceId);
        assertThat(send.getAttributes().asMap().toString()).contains(TopicReader.header(record, "ce_id"));
        SpanData request = awaitSpan(send.getParentSpanId());
        assertThat(request.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(request.getParentSpanId()).isEqualTo(callerSpanId);
    }

    @Test
    void anEventWrittenOutsideAnyTraceGoesOutWithoutTraceHeaders() {
        UUID thing = UUID.randomUUID();
        things.happen(UUID.randomUUID(), thing, 1);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(published.poll(TopicReader.withSubject(thing))).hasSize(1));
        var headers = TopicReader.headers(published.poll(TopicReader.withSubject(thing)).get(0));
        assertThat(headers).doesNotContainKeys("ce_traceparent", "ce_tracestate", "traceparent");
    }

    @Test
    void anEventReceivedWithATraceIsAppliedInAConsumerSpanOfThatTrace() throws Exception {
        String traceId = hex(16);
        String senderSpanId = hex(8);
        String subject = UUID.randomUUID().toString();
        String eventId = send(subject, "00-" + traceId + "-" + senderSpanId + "-01", "vendor=value");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(effectTraceparent(subject)).isNotNull());
        SpanData consumer = awaitSpan(span -> span.getKind() == SpanKind.CONSUMER && span.getTraceId().equals(traceId));
        assertThat(consumer.getParentSpanId()).isEqualTo(senderSpanId);
        assertThat(consumer.getParentSpanContext().isRemote()).isTrue();
        assertThat(consumer.getName()).isEqualTo("process rapport.test.happened.v1");
        assertThat(consumer.getAttributes().asMap().toString()).contains(eventId);
        assertThat(consumer.getSpanContext().getTraceState().get("vendor")).isEqualTo("value");
        // The effect ran with the consumer span current: what it writes joins the trace.
        assertThat(effectTraceparent(subject)).isEqualTo("00-" + traceId + "-" + consumer.getSpanId() + "-01");
    }

    @Test
    void aMalformedTraceparentIsIgnoredAndTheEventStillApplied() throws Exception {
        String subject = UUID.randomUUID().toString();
        String eventId = send(subject, "00-not-a-trace-01", null);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(effectTraceparent(subject)).isNotNull());
        // Applied in a trace of its own, a root span.
        SpanData consumer = awaitSpan(span -> span.getKind() == SpanKind.CONSUMER
                && span.getAttributes().asMap().toString().contains(eventId));
        assertThat(consumer.getParentSpanContext().isValid()).isFalse();
        assertThat(effectTraceparent(subject)).contains(consumer.getTraceId());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(deadLetters.poll(TopicReader.withSubject(UUID.fromString(subject)))).isEmpty());
    }

    private String send(String subject, String traceparent, String tracestate) throws Exception {
        String owner = UUID.randomUUID().toString();
        String id = UUID.randomUUID().toString();
        ProducerRecord<String, String> record = new ProducerRecord<>("platform-test.inbound", owner, "{\"n\":1}");
        record.headers()
                .add("ce_specversion", bytes("1.0"))
                .add("ce_id", bytes(id))
                .add("ce_source", bytes("/rapport/tests"))
                .add("ce_type", bytes("rapport.test.happened.v1"))
                .add("ce_time", bytes("2026-11-23T10:00:00Z"))
                .add("ce_subject", bytes(subject))
                .add("ce_ownerid", bytes(owner))
                .add("ce_traceparent", bytes(traceparent))
                .add("content-type", bytes("application/json"));
        if (tracestate != null) {
            record.headers().add("ce_tracestate", bytes(tracestate));
        }
        producer.send(record).get();
        return id;
    }

    private String effectTraceparent(String subject) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select traceparent from test_effect where subject = ?1")
                .setParameter(1, subject).getResultList());
        return rows.isEmpty() ? null : (String) rows.get(0);
    }

    private SpanData awaitSpan(String spanId) {
        return awaitSpan(span -> span.getSpanId().equals(spanId));
    }

    private SpanData awaitSpan(Predicate<SpanData> wanted) {
        return await().atMost(PATIENCE).until(
                () -> spans.getFinishedSpanItems().stream().filter(wanted).findFirst(), Optional::isPresent).get();
    }

    private static Predicate<ConsumerRecord<String, String>> inTrace(String traceId) {
        return record -> {
            String traceparent = TopicReader.header(record, "ce_traceparent");
            return traceparent != null && traceparent.contains(traceId);
        };
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
