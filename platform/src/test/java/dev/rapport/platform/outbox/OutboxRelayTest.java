package dev.rapport.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
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
class OutboxRelayTest {

    @Inject
    ThingService things;

    @Inject
    EntityManager entityManager;

    @Inject
    OutboxRelay relay;

    @Inject
    javax.sql.DataSource dataSource;

    private TopicReader topic;

    @BeforeEach
    void listen() {
        topic = new TopicReader(KafkaTopics.SHARED_BROKER, "platform-test.events");
    }

    @AfterEach
    void stopListening() {
        topic.close();
    }

    @Test
    void publishesCommittedEventAsBinaryCloudEventKeyedByOwner() {
        UUID owner = UUID.randomUUID();
        UUID thing = UUID.randomUUID();
        things.happen(owner, thing, 1);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(topic.poll(TopicReader.withSubject(thing))).hasSize(1));
        ConsumerRecord<String, String> record = topic.poll(TopicReader.withSubject(thing)).get(0);
        assertThat(record.key()).isEqualTo(owner.toString());
        assertThat(record.value()).isEqualTo("{\"thingId\":\"" + thing + "\",\"n\":1}");
        var headers = TopicReader.headers(record);
        assertThat(headers).containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_source", "/rapport/platform-tests")
                .containsEntry("ce_type", "rapport.thing.happened.v1")
                .containsEntry("ce_subject", thing.toString())
                .containsEntry("ce_ownerid", owner.toString())
                .containsEntry("content-type", "application/json");
        assertThat(UUID.fromString(headers.get("ce_id"))).isNotNull();
        assertThat(headers.get("ce_time")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
        assertThat(publishedAt(headers.get("ce_id"))).isNotNull();
    }

    @Test
    void keepsOneOwnersOrderAndPublishesEachEventOnce() {
        UUID owner = UUID.randomUUID();
        UUID thing = UUID.randomUUID();
        IntStream.range(0, 5).forEach(i -> things.happen(owner, thing, 10));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(topic.poll(TopicReader.withSubject(thing))).hasSize(50));
        List<String> bodies = topic.poll(TopicReader.withSubject(thing)).stream().map(ConsumerRecord::value).toList();
        List<String> expected = IntStream.range(0, 5)
                .boxed()
                .flatMap(i -> IntStream.rangeClosed(1, 10).mapToObj(n -> "{\"thingId\":\"" + thing + "\",\"n\":" + n + "}"))
                .toList();
        assertThat(bodies).containsExactlyElementsOf(expected);
        // A later sweep finds nothing left to send: no duplicates.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(topic.poll(TopicReader.withSubject(thing))).hasSize(50));
    }

    @Test
    void rolledBackChangePublishesNothing() {
        UUID owner = UUID.randomUUID();
        UUID thing = UUID.randomUUID();
        assertThatThrownBy(() -> things.happenThenFail(owner, thing)).isInstanceOf(IllegalStateException.class);
        things.happen(owner, UUID.randomUUID(), 1);

        Long rows = QuarkusTransaction.requiringNew().call(() -> (Long) entityManager
                .createNativeQuery("select count(*) from outbox_event where subject = ?1", Long.class)
                .setParameter(1, thing.toString()).getSingleResult());
        assertThat(rows).isZero();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(topic.poll(TopicReader.withSubject(thing))).isEmpty());
    }

    @Test
    void onlyOneInstanceRelaysAtATime() throws Exception {
        // Another instance holds the relay's advisory lock: this one skips its round.
        try (var other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (var lock = other.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, OutboxRelay.RELAY_LOCK);
                lock.execute();
            }
            assertThat(relay.relayOnce()).isEqualTo(OutboxRelay.Round.SKIPPED);
            other.rollback();
        }
        // Free again (the background relay may hold it for a moment between its own rounds).
        await().atMost(Duration.ofSeconds(5)).until(() -> relay.relayOnce() != OutboxRelay.Round.SKIPPED);
    }

    @Test
    void aStopInTheMiddleOfABacklogLeavesUnacknowledgedEventsUnpublishedAndTheRestartSendsThem() {
        UUID owner = UUID.randomUUID();
        UUID thing = UUID.randomUUID();
        int events = 5_000;
        things.happen(owner, thing, events);
        long markedAtStop;
        try {
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(5)).until(() -> published(thing).size() > 0);
            relay.stop(null);
            markedAtStop = published(thing).size();
            // Every event marked published is on the topic: the broker acknowledged it first.
            List<String> marked = published(thing);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(idsOnTopic(thing)).containsAll(marked));
        } finally {
            relay.start(null);
        }
        assertThat(markedAtStop).as("events marked published when the relay stopped").isLessThan(events);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(published(thing)).hasSize(events));
        List<String> all = published(thing);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(idsOnTopic(thing)).containsAll(all));
        System.out.printf("Outbox relay stopped with %d of %d events published; after its restart all are%n", markedAtStop, events);
    }

    /** Ids of the events of {@code thing} that the outbox marks published. */
    @SuppressWarnings("unchecked")
    private List<String> published(UUID thing) {
        return QuarkusTransaction.requiringNew().call(() -> (List<String>) entityManager
                .createNativeQuery("select cast(id as text) from outbox_event where subject = ?1 and published_at is not null",
                        String.class)
                .setParameter(1, thing.toString()).getResultList());
    }

    private Set<String> idsOnTopic(UUID thing) {
        return topic.poll(TopicReader.withSubject(thing)).stream()
                .map(record -> TopicReader.header(record, "ce_id")).collect(Collectors.toSet());
    }

    private Object publishedAt(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select published_at from outbox_event where id = cast(?1 as uuid)")
                .setParameter(1, eventId).getSingleResult());
    }
}
