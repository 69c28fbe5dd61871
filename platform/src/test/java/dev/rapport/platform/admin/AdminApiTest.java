package dev.rapport.platform.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.rapport.platform.account.AccountErased;
import dev.rapport.platform.account.Accounts;
import dev.rapport.platform.inbox.RecordingConsumer;
import dev.rapport.platform.outbox.ThingService;
import dev.rapport.platform.testing.KafkaTopics;
import dev.rapport.platform.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

@QuarkusTest
class AdminApiTest {

    private static final String ADMIN = "/admin/platform-tests";
    private static final String INBOUND = "platform-test.inbound";

    @Inject
    EntityManager entityManager;

    @Inject
    ThingService things;

    @Inject
    Accounts accounts;

    private KafkaProducer<String, String> producer;

    @BeforeEach
    void connect() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTopics.SHARED_BROKER);
        producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    @Test
    void everyOperationNeedsTheAdminRole() {
        List<String> reads = List.of(ADMIN + "/dead-letters", ADMIN + "/dead-letters/0-0", ADMIN + "/outbox", ADMIN + "/consumers",
                ADMIN + "/accounts/" + UUID.randomUUID());
        for (String path : reads) {
            given().get(path).then().statusCode(401);
            given().auth().oauth2(Tokens.of("alice")).get(path).then().statusCode(403)
                    .contentType("application/problem+json").body("status", equalTo(403));
        }
        given().post(ADMIN + "/dead-letters/0-0/replay").then().statusCode(401);
        given().auth().oauth2(Tokens.of("alice")).post(ADMIN + "/dead-letters/0-0/replay").then().statusCode(403);
    }

    @Test
    void anotherServicesPathIsNotFound() {
        given().auth().oauth2(Tokens.of("admin")).get("/admin/contacts-service/outbox").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void deadLetterIsListedShownAndReplayedOnceFixed() throws Exception {
        UUID owner = UUID.randomUUID();
        String subject = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        RecordingConsumer.FAILING_SUBJECTS.add(subject);
        try {
            producer.send(event(owner, eventId, subject, Instant.now(), "{\"n\":1}")).get();
            Map<String, Object> listed = await().atMost(Duration.ofSeconds(30)).until(() -> findDeadLetter(eventId), Optional::isPresent).get();
            assertThat(listed).containsEntry("eventType", "rapport.test.happened.v1").containsEntry("ownerId", owner.toString())
                    .containsEntry("exceptionClass", "dev.rapport.platform.inbox.MalformedEventException")
                    .doesNotContainKeys("appliedAt", "body", "headers");
            assertThat((String) listed.get("reason")).contains("the test asked this event to fail");
            @SuppressWarnings("unchecked")
            Map<String, Object> source = (Map<String, Object>) listed.get("source");
            assertThat(source).containsEntry("topic", INBOUND);

            String id = (String) listed.get("id");
            JsonPath shown = given().auth().oauth2(Tokens.of("admin")).get(ADMIN + "/dead-letters/" + id).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(shown.getString("key")).isEqualTo(owner.toString());
            assertThat(shown.getInt("body.n")).isEqualTo(1);
            assertThat(shown.getString("headers.ce_id")).isEqualTo(eventId);
            assertThat(shown.getString("headers.'dead-letter-topic'")).isEqualTo(INBOUND);
            assertThat(effectsOf(subject)).isEmpty();

            RecordingConsumer.FAILING_SUBJECTS.remove(subject);
            JsonPath replayed = given().auth().oauth2(Tokens.of("admin")).post(ADMIN + "/dead-letters/" + id + "/replay").then()
                    .statusCode(200).extract().jsonPath();
            assertThat(replayed.getString("eventId")).isEqualTo(eventId);
            assertThat(replayed.getString("publishedTo.topic")).isEqualTo(INBOUND);
            assertThat(replayed.getInt("publishedTo.partition")).isEqualTo(((Number) source.get("partition")).intValue());

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(effectsOf(subject)).containsExactly(eventId));
            assertThat(findDeadLetter(eventId).orElseThrow()).containsKey("appliedAt");
            // Replayed again: the consumer remembers the event and applies it no second time.
            given().auth().oauth2(Tokens.of("admin")).post(ADMIN + "/dead-letters/" + id + "/replay").then().statusCode(200);
            UUID marker = UUID.randomUUID();
            producer.send(event(owner, marker.toString(), subject, Instant.now(), "{\"n\":2}")).get();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(effectsOf(subject)).containsExactly(eventId, marker.toString()));
        } finally {
            RecordingConsumer.FAILING_SUBJECTS.remove(subject);
        }
    }

    @Test
    void unknownDeadLettersAreNotFound() {
        for (String id : List.of("0-999999999", "99-0", "abc", "0-01", "-1-0")) {
            given().auth().oauth2(Tokens.of("admin")).get(ADMIN + "/dead-letters/" + id).then().statusCode(404);
            given().auth().oauth2(Tokens.of("admin")).post(ADMIN + "/dead-letters/" + id + "/replay").then().statusCode(404);
        }
        given().auth().oauth2(Tokens.of("admin")).queryParam("cursor", "not-a-cursor").get(ADMIN + "/dead-letters").then().statusCode(400);
        given().auth().oauth2(Tokens.of("admin")).queryParam("limit", "0").get(ADMIN + "/dead-letters").then().statusCode(400);
        given().auth().oauth2(Tokens.of("admin")).get(ADMIN + "/accounts/1-1-1-1-1").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void outboxShowsItsBacklogAndThisInstancesRelay() {
        things.happen(UUID.randomUUID(), UUID.randomUUID(), 3);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath status = given().auth().oauth2(Tokens.of("admin")).get(ADMIN + "/outbox").then().statusCode(200).extract().jsonPath();
            assertThat(status.getLong("pending")).isZero();
            assertThat(status.getString("relay.state")).isEqualTo("RELAYING");
            assertThat(status.getString("relay.lastPublishedAt")).isNotNull();
            assertThat(status.getLong("relay.publishedSinceStart")).isGreaterThanOrEqualTo(3);
        });
    }

    @Test
    void consumersShowTheirLagUntilCaughtUp() throws Exception {
        producer.send(event(UUID.randomUUID(), UUID.randomUUID().toString(), UUID.randomUUID().toString(), Instant.now(), "{}")).get();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath lags = given().auth().oauth2(Tokens.of("admin")).get(ADMIN + "/consumers").then().statusCode(200).extract().jsonPath();
            assertThat(lags.getList("channel")).containsExactly("test-events");
            assertThat(lags.getString("[0].topic")).isEqualTo(INBOUND);
            assertThat(lags.getString("[0].groupId")).isEqualTo("platform-tests");
            assertThat(lags.getList("[0].partitions")).hasSize(3);
            assertThat(lags.getLong("[0].lag")).isZero();
        });
    }

    @Test
    void accountIsExportedErasedAndItsLateEventsSkipped() throws Exception {
        UUID owner = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        things.happen(owner, UUID.randomUUID(), 2);
        things.happen(other, UUID.randomUUID(), 1);
        JsonPath exported = given().auth().oauth2(Tokens.of("admin")).get(ADMIN + "/accounts/" + owner).then().statusCode(200)
                .extract().jsonPath();
        assertThat(exported.getString("service")).isEqualTo("platform-tests");
        assertThat(exported.getList("tables.outbox_event")).hasSize(2);
        assertThat(exported.getList("tables.outbox_event.owner_id")).containsOnly(owner.toString());
        assertThat(exported.getList("tables.idempotency_key")).isEmpty();
        assertThat(exported.getString("erasedAt")).isNull();

        // The erasure arrives as an event, as from contacts-service.
        Instant erasedAt = Instant.parse("2026-12-01T10:00:00Z");
        producer.send(event(owner, UUID.randomUUID().toString(), owner.toString(), erasedAt, "{}", AccountErased.TYPE)).get();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(accounts.erasedAt(owner)).contains(erasedAt));
        JsonPath after = given().auth().oauth2(Tokens.of("admin")).get(ADMIN + "/accounts/" + owner).then().statusCode(200)
                .extract().jsonPath();
        assertThat(after.getList("tables.outbox_event")).isEmpty();
        assertThat(after.getString("erasedAt")).isEqualTo("2026-12-01T10:00:00Z");
        assertThat(given().auth().oauth2(Tokens.of("admin")).get(ADMIN + "/accounts/" + other).then().extract().jsonPath()
                .getList("tables.outbox_event")).hasSize(1);

        // An event of the account from before its erasure, arriving late, is not applied; a later one is.
        String subject = UUID.randomUUID().toString();
        String late = UUID.randomUUID().toString();
        String later = UUID.randomUUID().toString();
        producer.send(event(owner, late, subject, erasedAt.minusSeconds(1), "{}")).get();
        producer.send(event(owner, later, subject, erasedAt.plusSeconds(1), "{}")).get();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(effectsOf(subject)).containsExactly(later));
    }

    @Test
    void lateEventsSentRightAfterTheErasureAreSkippedToo() throws Exception {
        // Sent together, the erasure and the events after it are likely applied in one batch: the
        // late one must be skipped by the erasure applied earlier in the same transaction.
        UUID owner = UUID.randomUUID();
        Instant erasedAt = Instant.parse("2026-12-02T10:00:00Z");
        String subject = UUID.randomUUID().toString();
        String late = UUID.randomUUID().toString();
        String later = UUID.randomUUID().toString();
        producer.send(event(owner, UUID.randomUUID().toString(), owner.toString(), erasedAt, "{}", AccountErased.TYPE));
        producer.send(event(owner, late, subject, erasedAt.minusSeconds(1), "{}"));
        producer.send(event(owner, later, subject, erasedAt.plusSeconds(1), "{}"));
        producer.flush();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(effectsOf(subject)).containsExactly(later));
        assertThat(accounts.erasedAt(owner)).contains(erasedAt);
    }

    @Test
    void everyTableOfTheSchemaIsDeclared() {
        assertThat(accounts.declarationMismatches()).containsExactly("undeclared: test_effect");
    }

    private Optional<Map<String, Object>> findDeadLetter(String eventId) {
        String cursor = null;
        List<Map<String, Object>> seen = new ArrayList<>();
        do {
            var request = given().auth().oauth2(Tokens.of("admin")).queryParam("limit", 20);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(ADMIN + "/dead-letters").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return seen.stream().filter(letter -> eventId.equals(letter.get("eventId"))).findFirst();
    }

    @SuppressWarnings("unchecked")
    private List<String> effectsOf(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select event_id from test_effect where subject = ?1 order by position")
                .setParameter(1, subject).getResultList());
    }

    private static ProducerRecord<String, String> event(UUID owner, String id, String subject, Instant time, String body) {
        return event(owner, id, subject, time, body, "rapport.test.happened.v1");
    }

    private static ProducerRecord<String, String> event(UUID owner, String id, String subject, Instant time, String body, String type) {
        ProducerRecord<String, String> record = new ProducerRecord<>(INBOUND, owner.toString(), body);
        record.headers()
                .add("ce_specversion", bytes("1.0"))
                .add("ce_id", bytes(id))
                .add("ce_source", bytes("/rapport/tests"))
                .add("ce_type", bytes(type))
                .add("ce_time", bytes(time.toString()))
                .add("ce_subject", bytes(subject))
                .add("ce_ownerid", bytes(owner.toString()))
                .add("content-type", bytes("application/json"));
        return record;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
