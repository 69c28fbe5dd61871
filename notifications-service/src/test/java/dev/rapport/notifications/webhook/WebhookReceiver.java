package dev.rapport.notifications.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;

/** A webhook endpoint on loopback that records what it receives and answers a chosen status (or never answers). */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    public record Received(Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private record Answer(int status, Map<String, String> headers, boolean hang) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicReference<Answer> answer = new AtomicReference<>(new Answer(204, Map.of(), false));
    private final CountDownLatch released = new CountDownLatch(1);

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/hook", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), new String(body.readAllBytes(), StandardCharsets.UTF_8)));
            }
            Answer now = answer.get();
            if (now.hang()) {
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            now.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(now.status(), -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + port() + "/hook";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void answer(int statusCode) {
        answer(statusCode, Map.of());
    }

    public void answer(int statusCode, Map<String, String> headers) {
        answer.set(new Answer(statusCode, headers, false));
    }

    /** Takes requests and never answers them (until closed). */
    public void hang() {
        answer.set(new Answer(504, Map.of(), true));
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
