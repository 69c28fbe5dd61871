package dev.rapport.notifications.stream;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A client of a server-sent events stream, as a third-party frontend would be: it reads the
 * body line by line as it arrives and hands out whole messages and comments.
 */
final class SseClient implements AutoCloseable {

    /** One message: its id, event name and data (the data lines joined by new lines). */
    record Message(String id, String event, String data) {
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String END = "\u0000end";

    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final HttpResponse<InputStream> response;

    private SseClient(URI uri, String token, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        // The answer comes with its headers; its body is read as it arrives, by a thread of its own.
        response = HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream()).get(10, TimeUnit.SECONDS);
        Thread reader = new Thread(this::read, "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (BufferedReader body = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = body.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException closed) {
            // The client closed it, or the server went away: the end either way.
        } finally {
            lines.add(END);
        }
    }

    static SseClient open(URI uri, String token, String lastEventId) throws Exception {
        return new SseClient(uri, token, lastEventId);
    }

    int status() {
        return response.statusCode();
    }

    String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** The whole body of an answer that ends (an error's problem), as text; null if it does not end in time. */
    String body(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        StringBuilder body = new StringBuilder();
        String line;
        while ((line = poll(deadline)) != null) {
            body.append(line).append('\n');
        }
        return lines.peek() == END ? body.toString() : null;
    }

    /** The next comment line (such as {@code : keep-alive}), skipping messages; null if none comes in time. */
    String nextComment(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        String line;
        while ((line = poll(deadline)) != null) {
            if (line.startsWith(":")) {
                return line;
            }
        }
        return null;
    }

    /** The next message, skipping comments; null if none comes in time or the stream ended. */
    Message next(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        String id = null;
        String event = null;
        List<String> data = new ArrayList<>();
        String line;
        while ((line = poll(deadline)) != null) {
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    return new Message(id, event, String.join("\n", data));
                }
                id = null;
                event = null;
            } else if (!line.startsWith(":")) {
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                switch (field) {
                    case "id" -> id = value;
                    case "event" -> event = value;
                    case "data" -> data.add(value);
                    default -> {
                    }
                }
            }
        }
        return null;
    }

    /** The first message that {@code wanted} accepts, passing over the others; null if none comes in time. */
    Message next(Predicate<Message> wanted, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        Message message;
        while ((message = next(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) != null) {
            if (wanted.test(message)) {
                return message;
            }
        }
        return null;
    }

    /** Every message until {@code last} accepts one (included); null if it does not come in time. */
    List<Message> until(Predicate<Message> last, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        List<Message> messages = new ArrayList<>();
        Message message;
        while ((message = next(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) != null) {
            messages.add(message);
            if (last.test(message)) {
                return messages;
            }
        }
        return null;
    }

    private String poll(long deadline) throws InterruptedException {
        long left = deadline - System.nanoTime();
        String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : lines.poll();
        if (END.equals(line)) {
            lines.add(END);
            return null;
        }
        return line;
    }

    @Override
    public void close() throws IOException {
        response.body().close();
    }
}
