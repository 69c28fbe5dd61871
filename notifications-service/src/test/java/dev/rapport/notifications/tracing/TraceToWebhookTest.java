package dev.rapport.notifications.tracing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.rapport.notifications.Feed;
import dev.rapport.notifications.MutableClock;
import dev.rapport.notifications.webhook.WebhookDispatcher;
import dev.rapport.notifications.webhook.WebhookReceiver;
import dev.rapport.platform.testing.CloudEventProducer;
import dev.rapport.platform.testing.KafkaTopics;
import dev.rapport.platform.testing.Tokens;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The end of one trace: an event that arrives with a ce_traceparent (as referrals-service sends
 * it) is applied in a consumer span of that trace, the notification it opens is published in that
 * trace, and the webhook deliveries it queues are attempted in client spans of it, each request
 * carrying a W3C traceparent the subscriber can join.
 */
@QuarkusTest
class TraceToWebhookTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(30);

    @Inject
    InMemorySpanExporter spans;

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    MutableClock clock;

    @Inject
    EntityManager entityManager;

    private final Feed feed = new Feed();
    private final CloudEventProducer referrals = new CloudEventProducer(KafkaTopics.SHARED_BROKER, "test.rapport.referrals.v1",
            "/rapport/referrals-service");
    private WebhookReceiver receiver;
    private String webhook;

    @BeforeEach
    void subscribe() throws Exception {
        receiver = new WebhookReceiver();
        webhook = given().auth().oauth2(Tokens.of("alice")).contentType(ContentType.JSON)
                .body("{\"url\": \"%s\", \"eventTypes\": [\"rapport.referral.won.v1\", \"rapport.notification.created.v1\"]}"
                        .formatted(receiver.url()))
                .post("/webhooks").then().statusCode(201).extract().path("id");
    }

    @AfterEach
    void close() {
        given().auth().oauth2(Tokens.of("alice")).delete("/webhooks/" + webhook).then().statusCode(204);
        receiver.close();
        referrals.close();
        feed.close();
    }

    @Test
    void aTracedEventBecomesANotificationAndWebhookRequestsInTheSameTrace() {
        UUID alice = UUID.fromString(Tokens.subjectOf("alice"));
        UUID sam = feed.contactCreated(alice, "Sam " + UUID.randomUUID(), clock.instant());
        await().atMost(ARRIVAL).until(() -> exists("select 1 from contact_activity where contact_id = ?1", sam));
        UUID referral = feed.referralWithId(alice, "given", sam, "Ann Other", clock.instant());
        feed.referralStatusChanged(alice, referral, sam, "GIVEN", "MEETING", "WON", clock.instant(), false);

        String traceId = hex(16);
        String senderSpanId = hex(8);
        String wonEvent = referrals.send(UUID.randomUUID().toString(), alice.toString(), "rapport.referral.won.v1", referral.toString(), """
                {"referralId":"%s","partnerId":"%s","direction":"GIVEN","value":{"amount":"300.00","currency":"EUR"},"wonAt":"%s"}"""
                .formatted(referral, sam, clock.instant()),
                Map.of("traceparent", "00-" + traceId + "-" + senderSpanId + "-01"));

        // Applied in a consumer span, child of the sender's span.
        SpanData consumed = awaitSpan(span -> span.getKind() == SpanKind.CONSUMER && span.getTraceId().equals(traceId));
        assertThat(consumed.getParentSpanId()).isEqualTo(senderSpanId);
        assertThat(consumed.getAttributes().asMap().toString()).contains(wonEvent);
        // The notification it opened goes out in the same trace.
        await().atMost(ARRIVAL).until(() -> exists("""
                select 1 from outbox_event where type = 'rapport.notification.created.v1' and owner_id = ?1
                and payload::text like '%' || ?2 || '%'""", alice, referral.toString()));
        assertThat(notificationTraceparent(alice, referral)).startsWith("00-" + traceId + "-" + consumed.getSpanId() + "-");

        dispatcher.dispatchDue();
        List<WebhookReceiver.Received> inTrace = receiver.received().stream()
                .filter(r -> r.header("traceparent") != null && r.header("traceparent").contains(traceId))
                .toList();
        assertThat(inTrace).as("the won event and the notification it opened").hasSize(2);
        assertThat(inTrace).anySatisfy(r -> assertThat(r.body()).contains("\"type\":\"rapport.referral.won.v1\""));
        assertThat(inTrace).anySatisfy(r -> assertThat(r.body()).contains("\"type\":\"rapport.notification.created.v1\""));
        for (WebhookReceiver.Received request : inTrace) {
            // Each request's traceparent names its attempt's client span, a child of the consumer span.
            String attemptSpanId = request.header("traceparent").split("-")[2];
            SpanData attempt = awaitSpan(span -> span.getSpanId().equals(attemptSpanId));
            assertThat(attempt.getKind()).isEqualTo(SpanKind.CLIENT);
            assertThat(attempt.getTraceId()).isEqualTo(traceId);
            assertThat(attempt.getParentSpanId()).isEqualTo(consumed.getSpanId());
            // The signature covers what it always did; the trace header is outside it.
            assertThat(request.header("webhook-signature")).isNotNull();
        }
    }

    /**
     * Events that arrive together are reviewed together, at the end of their batch: still, each
     * notification goes out in the trace of the event that opened it, never in another's.
     */
    @Test
    void eventsAppliedTogetherEachOpenTheirNotificationInTheirOwnTrace() {
        UUID alice = UUID.fromString(Tokens.subjectOf("alice"));
        int count = 8;
        List<UUID> wonReferrals = new ArrayList<>();
        List<UUID> partners = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID partner = feed.contactCreated(alice, "Partner " + i + " " + UUID.randomUUID(), clock.instant());
            UUID referral = feed.referralWithId(alice, "given", partner, "Referred " + i, clock.instant());
            feed.referralStatusChanged(alice, referral, partner, "GIVEN", "MEETING", "WON", clock.instant(), false);
            partners.add(partner);
            wonReferrals.add(referral);
        }
        await().atMost(ARRIVAL).until(() -> partners.stream()
                .allMatch(partner -> exists("select 1 from contact_activity where contact_id = ?1", partner)));

        List<String> traceIds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String traceId = hex(16);
            traceIds.add(traceId);
            referrals.send(UUID.randomUUID().toString(), alice.toString(), "rapport.referral.won.v1", wonReferrals.get(i).toString(), """
                    {"referralId":"%s","partnerId":"%s","direction":"GIVEN","value":{"amount":"10.00","currency":"EUR"},"wonAt":"%s"}"""
                    .formatted(wonReferrals.get(i), partners.get(i), clock.instant()),
                    Map.of("traceparent", "00-" + traceId + "-" + hex(8) + "-01"));
        }

        for (int i = 0; i < count; i++) {
            UUID referral = wonReferrals.get(i);
            String traceId = traceIds.get(i);
            SpanData consumed = awaitSpan(span -> span.getKind() == SpanKind.CONSUMER && span.getTraceId().equals(traceId));
            await().atMost(ARRIVAL).until(() -> exists("""
                    select 1 from outbox_event where type = 'rapport.notification.created.v1' and owner_id = ?1
                    and payload::text like '%' || ?2 || '%'""", alice, referral.toString()));
            assertThat(notificationTraceparent(alice, referral)).as("the notification about referral %d", i)
                    .startsWith("00-" + traceId + "-" + consumed.getSpanId() + "-");
        }
    }

    private String notificationTraceparent(UUID owner, UUID referral) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery("""
                select traceparent from outbox_event where type = 'rapport.notification.created.v1' and owner_id = ?1
                and payload::text like '%' || ?2 || '%'""")
                .setParameter(1, owner).setParameter(2, referral.toString()).getSingleResult());
    }

    private boolean exists(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return !query.getResultList().isEmpty();
        });
    }

    private SpanData awaitSpan(Predicate<SpanData> wanted) {
        return await().atMost(ARRIVAL).until(
                () -> spans.getFinishedSpanItems().stream().filter(wanted).findFirst(), Optional::isPresent).get();
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
