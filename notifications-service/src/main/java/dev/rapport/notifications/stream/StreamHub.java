package dev.rapport.notifications.stream;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * The open streams of this instance, fed from the {@link StreamLog} by one poller thread: every
 * {@code rapport.stream.poll-interval}, while any client is connected, it reads what each
 * connection has not been sent yet and writes it, with a keep-alive comment to connections
 * silent for {@code rapport.stream.heartbeat}. Everything goes through the table, so an event
 * published by another instance reaches the clients connected here alike.
 */
@ApplicationScoped
public class StreamHub {

    /** The SSE event telling a client that events it missed are gone: reload the inbox. */
    public static final String RESYNC = "rapport.stream.resync.v1";

    private final StreamLog log;
    private final StreamConfig config;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService poller;

    StreamHub(StreamLog log, StreamConfig config, ObjectMapper mapper, Clock clock, MeterRegistry registry) {
        this.log = log;
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
        Gauge.builder("rapport.stream.connections", subscribers, Set::size)
                .description("Clients connected to this instance's live stream")
                .register(registry);
    }

    void start(@Observes StartupEvent startup) {
        poller = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "notification-stream");
            thread.setDaemon(true);
            return thread;
        });
        long interval = config.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::poll, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** Closes every stream: their clients reconnect, to this instance or another, and resume from their last id. */
    void stop(@Observes ShutdownEvent shutdown) {
        if (poller != null) {
            poller.shutdownNow();
        }
        subscribers.forEach(Subscriber::close);
        subscribers.clear();
    }

    /**
     * Opens the owner's stream on {@code sink}: after {@code lastSeen} (the client's
     * Last-Event-ID), or from now on when it is null. A position whose following events are no
     * longer kept, or that the stream never gave, starts with a {@link #RESYNC} event.
     */
    public void subscribe(UUID ownerId, Long lastSeen, SseEventSink sink, Sse sse) {
        StreamLog.Extent extent = log.extentOf(ownerId);
        Subscriber subscriber;
        if (lastSeen == null) {
            subscriber = new Subscriber(ownerId, extent.last(), sink, sse, config.maxUnsent());
        } else if (extent.canResumeAfter(lastSeen)) {
            subscriber = new Subscriber(ownerId, lastSeen, sink, sse, config.maxUnsent());
        } else {
            subscriber = new Subscriber(ownerId, extent.last(), sink, sse, config.maxUnsent());
            subscriber.resync(extent.last(), resyncPayload(lastSeen, extent), clock.instant());
        }
        subscribers.add(subscriber);
        // Replay and the first keep-alive now, not at the next poll.
        poller.execute(this::poll);
    }

    private String resyncPayload(long lastSeen, StreamLog.Extent extent) {
        String reason = lastSeen > extent.last()
                ? "Last-Event-ID " + lastSeen + " is not a position of this stream (its last is " + extent.last() + ")"
                : "The events after " + lastSeen + " are no longer kept (the stream keeps " + config.retention() + ")";
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("lastEventId", Long.toString(lastSeen));
        data.put("reason", reason + ": reload the inbox (GET /notifications), then carry on with this stream.");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", RESYNC);
        body.put("timestamp", clock.instant().toString());
        body.put("data", data);
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize a resync message", e);
        }
    }

    /** How many clients are connected to this instance. */
    public int connections() {
        return (int) subscribers.stream().filter(Subscriber::isOpen).count();
    }

    private void poll() {
        try {
            subscribers.removeIf(subscriber -> !subscriber.isOpen());
            if (subscribers.isEmpty()) {
                return;
            }
            List<Subscriber> open = List.copyOf(subscribers);
            Map<StreamLog.Cursor, List<StreamLog.Entry>> news = log.after(
                    open.stream().map(Subscriber::cursor).collect(Collectors.toSet()), config.batchSize());
            Instant now = clock.instant();
            for (Subscriber subscriber : open) {
                for (StreamLog.Entry entry : news.getOrDefault(subscriber.cursor(), List.of())) {
                    subscriber.send(entry, now);
                }
                if (!subscriber.lastWrite().plus(config.heartbeat()).isAfter(now)) {
                    subscriber.keepAlive(now);
                }
            }
        } catch (RuntimeException e) {
            // The database restarting, say: the connections stay open and the next poll catches up.
            Log.warnf("Live stream poll failed, retrying at the next: %s", e.getMessage());
        }
    }
}
