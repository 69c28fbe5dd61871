package dev.rapport.notifications.stream;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.logging.Log;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * One open stream: a client's connection, and the position of the last event it was sent.
 * Once registered with the {@link StreamHub}, only the hub's poller writes to it.
 */
final class Subscriber {

    private final UUID ownerId;
    private final SseEventSink sink;
    private final Sse sse;
    private final int maxUnsent;
    private final AtomicInteger unsent = new AtomicInteger();
    private long position;
    private Instant lastWrite = Instant.MIN;

    Subscriber(UUID ownerId, long position, SseEventSink sink, Sse sse, int maxUnsent) {
        this.ownerId = ownerId;
        this.position = position;
        this.sink = sink;
        this.sse = sse;
        this.maxUnsent = maxUnsent;
    }

    StreamLog.Cursor cursor() {
        return new StreamLog.Cursor(ownerId, position);
    }

    boolean isOpen() {
        return !sink.isClosed();
    }

    Instant lastWrite() {
        return lastWrite;
    }

    void send(StreamLog.Entry entry, Instant now) {
        write(sse.newEventBuilder().id(Long.toString(entry.position())).name(entry.type()).data(entry.payload()).build(), now);
        position = entry.position();
    }

    /** Tells the client that it missed events which are gone, and moves it to {@code position}. */
    void resync(long position, String payload, Instant now) {
        write(sse.newEventBuilder().id(Long.toString(position)).name(StreamHub.RESYNC).data(payload).build(), now);
        this.position = position;
    }

    void keepAlive(Instant now) {
        write(sse.newEventBuilder().comment(" keep-alive").build(), now);
    }

    void close() {
        sink.close();
    }

    /**
     * Writes without waiting: a client that reads too slowly must hold up neither publishing nor
     * the other clients. When too much waits for it, it is closed and resumes from its last id.
     */
    private void write(OutboundSseEvent event, Instant now) {
        if (unsent.get() >= maxUnsent) {
            Log.infof("Live stream of owner %s closed: %d messages waiting for a slow client", ownerId, unsent.get());
            close();
            return;
        }
        unsent.incrementAndGet();
        try {
            sink.send(event).whenComplete((sent, failure) -> {
                unsent.decrementAndGet();
                if (failure != null) {
                    close();
                }
            });
        } catch (IllegalStateException closed) {
            // The client went away since the last look; the hub drops this connection.
            unsent.decrementAndGet();
        }
        lastWrite = now;
    }
}
