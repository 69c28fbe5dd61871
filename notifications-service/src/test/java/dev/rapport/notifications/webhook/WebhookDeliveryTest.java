package dev.rapport.notifications.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;

import dev.rapport.notifications.Feed;
import dev.rapport.notifications.MutableClock;
import dev.rapport.notifications.notification.Notification;
import dev.rapport.notifications.rules.Rules;
import dev.rapport.platform.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

@QuarkusTest
class WebhookDeliveryTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(30);

    @Inject
    Rules rules;

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    MutableClock clock;

    @Inject
    DeliveryQueue queue;

    @Inject
    WebhookSender sender;

    @Inject
    WebhooksConfig config;

    @Inject
    ManagedExecutor executor;

    @Inject
    WebhookFanout fanout;

    @Inject
    ScriptedResolver resolver;

    @Inject
    EntityManager entityManager;

    private final ObjectMapper mapper = new ObjectMapper();
    private final Feed feed = new Feed();
    private WebhookReceiver receiver;

    @BeforeEach
    void listen() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void close() {
        receiver.close();
        feed.close();
    }

    @Test
    void notificationsAndWantedDomainEventsArriveSignedWithTheSubscriptionsSecret() throws Exception {
        String token = Tokens.of("alice");
        UUID alice = UUID.fromString(Tokens.subjectOf("alice"));
        var created = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"url\": \"%s\", \"eventTypes\": [\"rapport.notification.*\", \"rapport.referral.given.v1\"]}".formatted(receiver.url()))
                .post("/webhooks")
                .then().statusCode(201)
                .body("secret", startsWith("whsec_"))
                .extract();
        String secret = created.path("secret");
        String webhookId = created.path("id");
        given().auth().oauth2(token).get("/webhooks/" + webhookId).then().statusCode(200).body("secret", nullValue());

        UUID sam = feed.contactCreated(alice, "Sam " + UUID.randomUUID(), clock.instant());
        feed.referral(alice, "given", sam, clock.instant());
        feed.referral(alice, "given", sam, clock.instant());
        await().atMost(ARRIVAL).untilAsserted(() -> assertThat(bodiesOfType("rapport.referral.given.v1", sam)).hasSize(2));
        clock.advance(Duration.ofDays(61));
        rules.sweep();
        dispatcher.dispatchDue();

        List<WebhookReceiver.Received> unreturned = receiver.received().stream()
                .filter(r -> r.body().contains("\"rule\":\"referral.unreturned\"") && r.body().contains(sam.toString()))
                .toList();
        assertThat(unreturned).hasSize(1);
        WebhookReceiver.Received delivery = unreturned.get(0);
        JsonNode body = mapper.readTree(delivery.body());
        assertThat(body.path("type").asText()).isEqualTo("rapport.notification.created.v1");
        assertThat(body.path("data").path("subjectId").asText()).isEqualTo(sam.toString());
        // An independent implementation of Standard Webhooks signs the same bytes the same way.
        // (The shared test clock is moved months ahead, so sign-and-compare instead of verify's freshness check.)
        long timestamp = Long.parseLong(delivery.header("webhook-timestamp"));
        String expected = new Webhook(secret).sign(delivery.header("webhook-id"), timestamp, delivery.body());
        assertThat(delivery.header("webhook-signature")).isEqualTo(expected);
        // Nothing it did not ask for (contact events), and nothing twice.
        assertThat(receiver.received()).noneMatch(r -> r.body().contains("rapport.contact.created.v1"));
        assertThat(receiver.received().stream().map(r -> r.header("webhook-id")).distinct()).hasSize(receiver.received().size());
    }

    @Test
    void failedAttemptsFollowTheRetryScheduleUntilTheReceiverRecovers() {
        receiver.answer(500);
        Subscribed hook = subscribe("alice", receiver.url());
        queuePings(hook, 1);

        dispatcher.dispatchDue();
        assertThat(receiver.received()).as("the first attempt at once").hasSize(1);
        clock.advance(Duration.ofSeconds(3));
        dispatcher.dispatchDue();
        assertThat(receiver.received()).as("no retry before 80 %% of 5 s").hasSize(1);
        clock.advance(Duration.ofSeconds(2));
        dispatcher.dispatchDue();
        assertThat(receiver.received()).as("the first retry within 5 s").hasSize(2);
        clock.advance(Duration.ofMinutes(3));
        dispatcher.dispatchDue();
        assertThat(receiver.received()).as("no second retry before 80 %% of 5 min").hasSize(2);

        receiver.answer(204);
        clock.advance(Duration.ofMinutes(2));
        dispatcher.dispatchDue();
        assertThat(receiver.received()).hasSize(3);
        assertThat(receiver.received().stream().map(r -> r.header("webhook-id")).distinct()).as("one message, retried").hasSize(1);
        given().auth().oauth2(Tokens.of("alice")).get("/webhooks/" + hook.id() + "/deliveries")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].status", equalTo("DELIVERED"))
                .body("items[0].attempts.statusCode", equalTo(List.of(500, 500, 204)));
        assertThat(subscription(hook.id()).consecutiveFailures).as("a success clears the endpoint's failures").isZero();
    }

    @Test
    void aDeliveryFailsForGoodAfterTheEighthAttemptOfTheSchedule() {
        receiver.answer(500);
        Subscribed hook = subscribe("alice", receiver.url());
        queuePings(hook, 1);
        dispatcher.dispatchDue();
        for (Duration step : List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2),
                Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10))) {
            clock.advance(step);
            dispatcher.dispatchDue();
        }
        assertThat(receiver.received()).hasSize(8);
        clock.advance(Duration.ofHours(12));
        dispatcher.dispatchDue();
        assertThat(receiver.received()).as("nothing after the eighth").hasSize(8);
        given().auth().oauth2(Tokens.of("alice")).get("/webhooks/" + hook.id() + "/deliveries")
                .then().statusCode(200).body("items[0].status", equalTo("FAILED")).body("items[0].attempts", hasSize(8));
        assertThat(subscription(hook.id()).enabled).as("27 hours of failures do not disable an endpoint").isTrue();
    }

    @Test
    void retryAfterOn429Or503HoldsBackTheWholeEndpointUntilThen() {
        receiver.answer(429, Map.of("Retry-After", "120"));
        Subscribed hook = subscribe("alice", receiver.url());
        queuePings(hook, 1);
        dispatcher.dispatchDue();
        assertThat(receiver.received()).hasSize(1);

        receiver.answer(204);
        queuePings(hook, 1);
        clock.advance(Duration.ofSeconds(100));
        dispatcher.dispatchDue();
        assertThat(receiver.received()).as("neither the retry nor a new delivery before the 120 s asked for").hasSize(1);
        clock.advance(Duration.ofSeconds(21));
        dispatcher.dispatchDue();
        assertThat(receiver.received()).hasSize(3);

        String inAnHour = DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().plus(Duration.ofHours(1)).atZone(ZoneOffset.UTC));
        receiver.answer(503, Map.of("Retry-After", inAnHour));
        queuePings(hook, 1);
        dispatcher.dispatchDue();
        receiver.answer(204);
        clock.advance(Duration.ofMinutes(59));
        dispatcher.dispatchDue();
        assertThat(receiver.received()).as("an HTTP date is honoured too").hasSize(4);
        clock.advance(Duration.ofMinutes(2));
        dispatcher.dispatchDue();
        assertThat(receiver.received()).hasSize(5);
    }

    @Test
    void anEndpointAnswering410GoneIsDisabledAtOnceAndItsOwnerTold() {
        receiver.answer(410);
        Subscribed hook = subscribe("alice", receiver.url());
        queuePings(hook, 1);
        dispatcher.dispatchDue();

        WebhookSubscription disabled = subscription(hook.id());
        assertThat(disabled.enabled).isFalse();
        assertThat(disabled.disabledReason).isEqualTo(DisabledReason.GONE);
        assertThat(disabledNotification(hook.id())).isEqualTo("OPEN");
        queuePings(hook, 1);
        clock.advance(Duration.ofHours(1));
        dispatcher.dispatchDue();
        assertThat(receiver.received()).as("nothing more is sent").hasSize(1);
    }

    @Test
    void anEndpointFailingForFiveDaysIsDisabledAndItsOwnerToldThenEnabledItsWaitingDeliveriesGo() {
        receiver.answer(500);
        Subscribed hook = subscribe("alice", receiver.url());
        // Events keep coming every day; every attempt fails.
        for (int day = 0; day < 5; day++) {
            queuePings(hook, 1);
            dispatcher.dispatchDue();
            assertThat(subscription(hook.id()).enabled).as("day %d", day).isTrue();
            clock.advance(Duration.ofDays(1));
        }
        queuePings(hook, 1);
        dispatcher.dispatchDue();
        WebhookSubscription disabled = subscription(hook.id());
        assertThat(disabled.enabled).isFalse();
        assertThat(disabled.disabledReason).isEqualTo(DisabledReason.FAILING);
        assertThat(disabledNotification(hook.id())).isEqualTo("OPEN");
        int attemptsWhenDisabled = receiver.received().size();

        receiver.answer(204);
        String etag = given().auth().oauth2(Tokens.of("alice")).get("/webhooks/" + hook.id()).then().extract().header("ETag");
        given().auth().oauth2(Tokens.of("alice")).header("If-Match", etag).post("/webhooks/" + hook.id() + "/enable")
                .then().statusCode(200).body("enabled", equalTo(true));
        assertThat(disabledNotification(hook.id())).isEqualTo("RESOLVED");
        assertThat(subscription(hook.id()).consecutiveFailures).isZero();
        clock.advance(Duration.ofHours(11));
        dispatcher.dispatchDue();
        assertThat(receiver.received().size()).as("the deliveries that waited go").isGreaterThan(attemptsWhenDisabled);
        given().auth().oauth2(Tokens.of("alice")).get("/webhooks/" + hook.id() + "/deliveries").then()
                .body("items.findAll { it.status == 'PENDING' }", hasSize(0));
    }

    @Test
    void aDeadEndpointIsParkedAfterFiveFailuresWhileALiveOneGetsEverything() throws Exception {
        WebhookReceiver dead = new WebhookReceiver();
        String deadUrl = dead.url();
        dead.close(); // nothing listens there any more: connections are refused
        Subscribed bobs = subscribe("bob", deadUrl);
        Subscribed alices = subscribe("alice", receiver.url());
        queuePings(bobs, 50);
        queuePings(alices, 20);

        dispatcher.dispatchDue();
        assertThat(receiver.received()).hasSize(20);
        assertThat(attempts(bobs.id())).as("at most a claim's room past the fifth failure, not 50").isBetween(5L, 8L);
        assertThat(subscription(bobs.id()).pausedUntil).isAfter(clock.instant());

        // When the pause ends, one delivery alone probes the endpoint.
        long before = attempts(bobs.id());
        clock.advance(Duration.ofSeconds(6));
        dispatcher.dispatchDue();
        assertThat(attempts(bobs.id())).isEqualTo(before + 1);
    }

    @Test
    void anEndpointThatNeverAnswersHoldsOnlyItsOwnRoomWhileOthersAreServed() throws Exception {
        try (WebhookReceiver hanging = new WebhookReceiver()) {
            hanging.hang();
            Subscribed bobs = subscribe("bob", hanging.url());
            Subscribed alices = subscribe("alice", receiver.url());
            queuePings(bobs, 20);
            dispatcher.claimSoon();
            await().atMost(ARRIVAL).until(() -> hanging.received().size() == 4);

            // As many as one claim takes for an endpoint (tests do not claim again when room frees up).
            queuePings(alices, 4);
            dispatcher.claimSoon();
            await().atMost(ARRIVAL).until(() -> receiver.received().size() == 4);
            assertThat(attempts(bobs.id())).as("served while the hanging attempts were still in flight (none recorded yet)").isZero();
            assertThat(hanging.received()).as("never more than its room in flight").hasSize(4);
        }
    }

    @Test
    void twoDispatchersSharingTheQueueSendEachDeliveryOnce() throws Exception {
        Subscribed hook = subscribe("alice", receiver.url());
        List<String> messages = queuePings(hook, 120);
        WebhookDispatcher other = new WebhookDispatcher(queue, sender, config, executor);
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(other::dispatchDue);
        int first = dispatcher.dispatchDue();
        int total = first + second.get();

        List<String> received = receiver.received().stream().map(r -> r.header("webhook-id"))
                .filter(id -> messages.contains(id)).toList();
        assertThat(received).hasSize(120).doesNotHaveDuplicates();
        assertThat(total).isGreaterThanOrEqualTo(120);
    }

    @Test
    void theConnectionGoesToTheAddressTheCheckApprovedNeverToASecondAnswer() throws Exception {
        String host = "hooks-" + UUID.randomUUID() + ".rapport.test";
        resolver.answer(host, "127.0.0.1");
        Subscribed hook = subscribe("alice", "http://" + host + ":" + receiver.port() + "/hook");
        queuePings(hook, 1);
        dispatcher.dispatchDue();
        // No DNS knows the name: only the address the check resolved can have been connected to.
        assertThat(receiver.received()).hasSize(1);
        assertThat(receiver.received().get(0).header("Host")).isEqualTo(host + ":" + receiver.port());

        resolver.answer(host, "10.0.0.7");
        queuePings(hook, 1);
        dispatcher.dispatchDue();
        assertThat(receiver.received()).hasSize(1);
        given().auth().oauth2(Tokens.of("alice")).get("/webhooks/" + hook.id() + "/deliveries").then()
                .body("items[0].attempts[0].error", startsWith("endpoint refused"));
    }

    @Test
    void whileARotatedSecretStillSignsEachDeliveryCarriesBothSignatures() throws Exception {
        Subscribed hook = subscribe("alice", receiver.url());
        String newSecret = WebhookSigner.newSecret();
        QuarkusTransaction.requiringNew().run(() -> {
            WebhookSubscription subscription = WebhookSubscription.findById(UUID.fromString(hook.id()));
            subscription.previousSecret = subscription.secret;
            subscription.previousSecretExpiresAt = clock.instant().plus(Duration.ofHours(24));
            subscription.secret = newSecret;
        });
        queuePings(hook, 1);
        dispatcher.dispatchDue();
        WebhookReceiver.Received rotating = receiver.received().get(0);
        String id = rotating.header("webhook-id");
        long timestamp = Long.parseLong(rotating.header("webhook-timestamp"));
        // Each signature as an independent implementation of Standard Webhooks makes it.
        assertThat(rotating.header("webhook-signature")).isEqualTo(
                new Webhook(newSecret).sign(id, timestamp, rotating.body()) + " " + new Webhook(hook.secret()).sign(id, timestamp, rotating.body()));

        clock.advance(Duration.ofHours(25));
        queuePings(hook, 1);
        dispatcher.dispatchDue();
        WebhookReceiver.Received rotated = receiver.received().get(1);
        assertThat(rotated.header("webhook-signature")).isEqualTo(new Webhook(newSecret)
                .sign(rotated.header("webhook-id"), Long.parseLong(rotated.header("webhook-timestamp")), rotated.body()));
    }

    private record Subscribed(String id, String secret) {
    }

    private Subscribed subscribe(String user, String url) {
        var created = given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON)
                .body("{\"url\": \"%s\", \"eventTypes\": [\"rapport.webhook.ping.v1\"]}".formatted(url))
                .post("/webhooks").then().statusCode(201).extract();
        return new Subscribed(created.path("id"), created.path("secret"));
    }

    /** Queues {@code count} pings for the subscription in one transaction; returns their message ids. */
    private List<String> queuePings(Subscribed hook, int count) {
        return QuarkusTransaction.requiringNew().call(() -> {
            WebhookSubscription subscription = WebhookSubscription.findById(UUID.fromString(hook.id()));
            List<String> eventIds = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                String eventId = UUID.randomUUID().toString();
                fanout.enqueueFor(subscription, eventId, WebhookService.PING, Map.of("pingId", eventId), clock.instant());
                eventIds.add(eventId);
            }
            @SuppressWarnings("unchecked")
            List<UUID> ids = entityManager.createNativeQuery("select id from webhook_delivery where subscription_id = ?1 and event_id = any(?2)")
                    .setParameter(1, subscription.id).setParameter(2, eventIds.toArray(String[]::new)).getResultList();
            return ids.stream().map(id -> "msg_" + id).toList();
        });
    }

    private static String disabledNotification(String webhookId) {
        return QuarkusTransaction.requiringNew().call(() -> Notification.<Notification>find(
                "subjectId = ?1 and rule = ?2", UUID.fromString(webhookId), WebhookDispatcher.DISABLED_RULE)
                .singleResult().status.name());
    }

    private static WebhookSubscription subscription(String id) {
        return QuarkusTransaction.requiringNew().call(() -> WebhookSubscription.<WebhookSubscription>findById(UUID.fromString(id)));
    }

    private long attempts(String webhookId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery("""
                select count(*) from webhook_attempt a join webhook_delivery d on d.id = a.delivery_id where d.subscription_id = ?1""")
                .setParameter(1, UUID.fromString(webhookId)).getSingleResult()).longValue());
    }

    @Test
    void endpointsMustBePublicHttpsOrAllowedLoopback() {
        String token = Tokens.of("alice");
        for (String url : List.of("http://example.com/hook", "https://10.0.0.7/hook", "https://192.168.1.2/hook",
                "https://169.254.169.254/latest", "https://100.100.100.200/latest", "https://[64:ff9b::a00:1]/hook",
                "ftp://example.com/x", "not a url")) {
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body("{\"url\": \"%s\", \"eventTypes\": [\"*\"]}".formatted(url))
                    .post("/webhooks")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("url"));
        }
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"url\": \"%s\", \"eventTypes\": []}".formatted(receiver.url()))
                .post("/webhooks").then().statusCode(400).body("errors[0].field", equalTo("eventTypes"));
    }

    @Test
    void anotherUsersWebhookIsNotFound() {
        String webhookId = given().auth().oauth2(Tokens.of("alice")).contentType(ContentType.JSON)
                .body("{\"url\": \"%s\", \"eventTypes\": [\"*\"]}".formatted(receiver.url()))
                .post("/webhooks").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.of("bob")).get("/webhooks/" + webhookId).then().statusCode(404);
        given().auth().oauth2(Tokens.of("bob")).get("/webhooks/" + webhookId + "/deliveries").then().statusCode(404);
        given().auth().oauth2(Tokens.of("bob")).delete("/webhooks/" + webhookId).then().statusCode(404);
        given().auth().oauth2(Tokens.of("alice")).delete("/webhooks/" + webhookId).then().statusCode(204);
    }

    private List<JsonNode> bodiesOfType(String type, UUID partner) {
        dispatcher.dispatchDue();
        return receiver.received().stream().map(r -> {
            try {
                return mapper.readTree(r.body());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).filter(b -> b.path("type").asText().equals(type) && b.path("data").path("partnerId").asText().equals(partner.toString())).toList();
    }
}
