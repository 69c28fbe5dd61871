package dev.rapport.notifications.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

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

@QuarkusTest
class WebhookDeliveryTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(30);

    @Inject
    Rules rules;

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    MutableClock clock;

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
    void failedAttemptsAreRecordedAndRetriedWithBackOffUntilDelivered() {
        String token = Tokens.of("alice");
        receiver.answer(503);
        String webhookId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"url\": \"%s\", \"eventTypes\": [\"rapport.webhook.ping.v1\"]}".formatted(receiver.url()))
                .post("/webhooks").then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).post("/webhooks/" + webhookId + "/ping").then().statusCode(202);

        dispatcher.dispatchDue();
        assertThat(receiver.received()).hasSize(1);
        dispatcher.dispatchDue();
        assertThat(receiver.received()).as("not retried before its back-off").hasSize(1);

        receiver.answer(200);
        clock.advance(Duration.ofSeconds(11));
        dispatcher.dispatchDue();
        assertThat(receiver.received()).hasSize(2);
        assertThat(receiver.received().get(0).header("webhook-id")).isEqualTo(receiver.received().get(1).header("webhook-id"));

        given().auth().oauth2(token).get("/webhooks/" + webhookId + "/deliveries")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].status", equalTo("DELIVERED"))
                .body("items[0].attempts", hasSize(2))
                .body("items[0].attempts[0].statusCode", equalTo(503))
                .body("items[0].attempts[1].statusCode", equalTo(200));
    }

    @Test
    void anEndpointThatKeepsFailingIsDisabledAndItsOwnerToldThenEnabledAndRedelivered() {
        String token = Tokens.of("alice");
        receiver.answer(500);
        String webhookId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"url\": \"%s\", \"eventTypes\": [\"rapport.webhook.ping.v1\"]}".formatted(receiver.url()))
                .post("/webhooks").then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).post("/webhooks/" + webhookId + "/ping").then().statusCode(202);
        dispatcher.dispatchDue();
        clock.advance(Duration.ofSeconds(11));
        dispatcher.dispatchDue();
        clock.advance(Duration.ofSeconds(21));
        dispatcher.dispatchDue();
        assertThat(receiver.received()).as("three attempts, the test profile's maximum").hasSize(3);

        String etag = given().auth().oauth2(token).get("/webhooks/" + webhookId).then().statusCode(200)
                .body("enabled", equalTo(false)).extract().header("ETag");
        assertThat(disabledNotification(webhookId)).isEqualTo("OPEN");

        // While disabled, nothing is sent; its deliveries wait.
        given().auth().oauth2(token).post("/webhooks/" + webhookId + "/ping").then().statusCode(202);
        dispatcher.dispatchDue();
        assertThat(receiver.received()).hasSize(3);

        receiver.answer(204);
        given().auth().oauth2(token).header("If-Match", etag).post("/webhooks/" + webhookId + "/enable")
                .then().statusCode(200).body("enabled", equalTo(true));
        assertThat(disabledNotification(webhookId)).isEqualTo("RESOLVED");
        dispatcher.dispatchDue();
        assertThat(receiver.received()).hasSize(4);

        String failed = given().auth().oauth2(token).get("/webhooks/" + webhookId + "/deliveries")
                .then().statusCode(200).extract().path("items.find { it.status == 'FAILED' }.id");
        given().auth().oauth2(Tokens.of("bob")).post("/webhooks/" + webhookId + "/deliveries/" + failed + "/redeliver")
                .then().statusCode(404);
        given().auth().oauth2(token).post("/webhooks/" + webhookId + "/deliveries/" + UUID.randomUUID() + "/redeliver")
                .then().statusCode(404);
        given().auth().oauth2(token).post("/webhooks/" + webhookId + "/deliveries/" + failed + "/redeliver")
                .then().statusCode(202);
        dispatcher.dispatchDue();
        assertThat(receiver.received()).hasSize(5);
        given().auth().oauth2(token).get("/webhooks/" + webhookId + "/deliveries").then()
                .body("items.find { it.id == '%s' }.status".formatted(failed), equalTo("DELIVERED"));
    }

    private static String disabledNotification(String webhookId) {
        return QuarkusTransaction.requiringNew().call(() -> Notification.<Notification>find(
                "subjectId = ?1 and rule = ?2", UUID.fromString(webhookId), WebhookDispatcher.DISABLED_RULE)
                .singleResult().status.name());
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
