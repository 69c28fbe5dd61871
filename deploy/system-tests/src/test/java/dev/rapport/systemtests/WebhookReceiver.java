package dev.rapport.systemtests;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;

/**
 * A subscriber's endpoint on loopback. Every request is verified with the Standard Webhooks
 * reference library (signature and timestamp freshness) before it counts; one that fails is
 * kept aside and answered 400, and the test fails on it.
 */
final class WebhookReceiver implements AutoCloseable {

    /** A verified delivery: its headers' id, its parsed body, when it arrived, and its request headers. */
    record Delivery(String id, JsonNode body, Instant arrivedAt, Map<String, List<String>> headers) {
        /** The first value of a request header (names are case-insensitive), or null. */
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        String type() {
            return body.path("type").asText();
        }

        JsonNode data() {
            return body.path("data");
        }
    }

    private final HttpServer server;
    private final ObjectMapper mapper = new ObjectMapper();
    private final List<Delivery> verified = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private volatile Webhook verifier;

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks/rapport", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int status = 204;
            try {
                verifier.verify(body, java.net.http.HttpHeaders.of(exchange.getRequestHeaders(), (name, value) -> true));
                verified.add(new Delivery(exchange.getRequestHeaders().getFirst("webhook-id"), mapper.readTree(body), Instant.now(),
                        Map.copyOf(exchange.getRequestHeaders())));
            } catch (Exception e) {
                refused.add(e + ": " + body);
                status = 400;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/rapport";
    }

    /** Verifies with the secret the subscription answered; nothing is sent before it exists. */
    void trust(String secret) throws Exception {
        verifier = new Webhook(secret);
    }

    List<Delivery> deliveries() {
        return List.copyOf(verified);
    }

    List<String> refused() {
        return List.copyOf(refused);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
