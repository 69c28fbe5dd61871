package dev.rapport.systemtests;

import static dev.rapport.systemtests.Deployment.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * What holds however many instances of each service the edge balances ({@code rapport.instances};
 * the test command runs this with two): every instance consumes its share of each topic, what
 * flows through them happens once (each event delivered to a webhook exactly once), and the
 * per-user rate limit holds for the user as a whole, not once per instance.
 */
class InstancesIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** Each consumer group, with how many consumers one instance of its service runs in it (one per channel). */
    private static final Map<String, Integer> CONSUMERS_PER_INSTANCE = Map.of("contacts-service", 1, "meetings-service", 1,
            "referrals-service", 1, "referrals-service.exchange", 1, "notifications-service", 3);

    private static final int BURST = 200;
    private static final double PER_SECOND = 50;

    @Test
    void everyInstanceConsumesAndEachEventIsDeliveredOnce() throws Exception {
        await().atMost(PATIENCE).untilAsserted(() -> {
            Map<String, Integer> members = Operator.consumerGroupMembers(List.copyOf(CONSUMERS_PER_INSTANCE.keySet()));
            CONSUMERS_PER_INSTANCE.forEach((group, perInstance) ->
                    assertThat(members.get(group)).as(group).isEqualTo(perInstance * Deployment.INSTANCES));
        });

        String tag = "instances-" + UUID.randomUUID().toString().substring(0, 8);
        int contacts = 40;
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Response subscribed = as("alice").contentType(ContentType.JSON)
                    .body("{\"url\": \"%s\", \"eventTypes\": [\"rapport.contact.created.v1\"]}".formatted(receiver.url()))
                    .post("/webhooks");
            subscribed.then().statusCode(201);
            receiver.trust(subscribed.path("secret"));
            String webhook = subscribed.path("id");
            try {
                for (int n = 0; n < contacts; n++) {
                    as("alice").contentType(ContentType.JSON).body("{\"name\": \"%s %d\", \"tags\": [\"%s\"]}".formatted(tag, n, tag))
                            .post("/contacts").then().statusCode(201);
                }
                await().atMost(PATIENCE).until(() -> mine(receiver, tag).size() >= contacts);
                // Every delivery of the subscription has been made, none is left to come.
                await().atMost(PATIENCE).until(() -> Operator.column("notifications",
                        "select count(*) from webhook_delivery where subscription_id = ?::uuid and status <> 'DELIVERED'", webhook)
                        .equals(List.of("0")));
                List<WebhookReceiver.Delivery> delivered = mine(receiver, tag);
                assertThat(delivered).hasSize(contacts);
                assertThat(delivered.stream().map(d -> d.data().path("contactId").asText()).distinct()).hasSize(contacts);
                assertThat(receiver.refused()).isEmpty();
            } finally {
                as("alice").delete("/webhooks/" + webhook).then().statusCode(204);
            }
        }
    }

    @Test
    void thePerUserRateLimitHoldsAcrossInstances() throws Exception {
        // Faster than the refill: requests from 16 threads at once, until the first 429. Each asks for a
        // contact that does not exist, the cheapest request there is: the limit counts every request.
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(Deployment.EDGE + "/contacts/" + UUID.randomUUID()))
                .header("Authorization", "Bearer " + Deployment.newToken("bob")).GET().build();
        AtomicInteger granted = new AtomicInteger();
        AtomicBoolean refused = new AtomicBoolean();
        long started = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                running.add(clients.submit(() -> {
                    while (!refused.get() && granted.get() < 10 * BURST) {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status == 429) {
                            refused.set(true);
                        } else if (status == 404 && !refused.get()) {
                            granted.incrementAndGet();
                        } else if (status != 404) {
                            throw new AssertionError("GET /contacts/{id} answered " + status);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get(2, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Rate limit with %d instance(s): %d requests granted in %.1f s (%.0f/s), then %s%n", Deployment.INSTANCES,
                granted.get(), seconds, granted.get() / seconds, refused.get() ? "a 429" : "no 429 (the client was slower than the refill)");
        // The user's burst and refill, with slack for each instance's share rounded up and the requests in flight. A
        // limit per instance lets through twice the burst and refill: over ~56 requests/s this fails, whether or not a
        // 429 came before the 2,000th request.
        assertThat(granted.get()).isLessThanOrEqualTo((int) (BURST + PER_SECOND * seconds) + Deployment.INSTANCES + 16);
        // Let bob's buckets fill again for the tests that follow.
        await().pollDelay(Duration.ofMillis((long) (1000 * BURST / PER_SECOND))).atMost(PATIENCE)
                .until(() -> as("bob").queryParam("limit", 1).get("/contacts").statusCode() == 200);
    }

    private static List<WebhookReceiver.Delivery> mine(WebhookReceiver receiver, String tag) {
        return receiver.deliveries().stream().filter(d -> d.data().path("name").asText().startsWith(tag + " ")).toList();
    }
}
