package dev.rapport.systemtests;

import static dev.rapport.systemtests.Deployment.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * One trace across the services: a request to contacts-service that carries a traceparent of
 * the caller's trace becomes an event on Kafka (ce_traceparent), which notifications-service
 * consumes and delivers to a webhook whose request carries a traceparent of the same trace.
 */
class TraceAcrossServicesIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void aContactAddedInTheCallersTraceReachesTheWebhookInThatTrace() throws Exception {
        String traceId = hex(16);
        String callerSpanId = hex(8);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Response subscribed = as("alice").contentType(ContentType.JSON)
                    .body("{\"url\": \"%s\", \"eventTypes\": [\"rapport.contact.created.v1\"], \"description\": \"trace test\"}"
                            .formatted(receiver.url()))
                    .post("/webhooks");
            subscribed.then().statusCode(201);
            receiver.trust(subscribed.path("secret"));
            String webhook = subscribed.path("id");
            try {
                String name = "Tracy Trace " + UUID.randomUUID().toString().substring(0, 8);
                String contact = as("alice").contentType(ContentType.JSON)
                        .header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                        .body("{\"name\": \"%s\"}".formatted(name))
                        .post("/contacts").then().statusCode(201).extract().path("id");

                await().atMost(PATIENCE).until(() -> createdEvents(receiver, contact).size() == 1);
                WebhookReceiver.Delivery delivery = createdEvents(receiver, contact).get(0);
                // contacts-service → outbox → Kafka → notifications-service → webhook: one trace,
                // each hop a new span (so not the caller's span id).
                assertThat(delivery.header("traceparent")).matches("00-" + traceId + "-[0-9a-f]{16}-0[01]");
                assertThat(delivery.header("traceparent")).doesNotContain(callerSpanId);
                assertThat(receiver.refused()).isEmpty();
            } finally {
                as("alice").delete("/webhooks/" + webhook).then().statusCode(204);
            }
        }
    }

    private static List<WebhookReceiver.Delivery> createdEvents(WebhookReceiver receiver, String contact) {
        return receiver.deliveries().stream()
                .filter(d -> d.type().equals("rapport.contact.created.v1") && d.data().path("contactId").asText().equals(contact))
                .toList();
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
