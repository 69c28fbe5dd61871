package dev.rapport.notifications.stream;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The live stream of each owner's notification events (GET /notifications/stream). */
@ConfigMapping(prefix = "rapport.stream")
public interface StreamConfig {

    /** How often each instance reads the stream's new events for the clients connected to it (only while some are). */
    Duration pollInterval();

    /** How long a connection may stay silent before a keep-alive comment, so that proxies keep it open. */
    Duration heartbeat();

    /** How long events are kept for clients resuming with Last-Event-ID; older ones are deleted. */
    Duration retention();

    /** Events sent to one connection per poll, so that one replaying a long backlog does not hold up the others. */
    @WithDefault("500")
    int batchSize();

    /**
     * Messages a connection may have waiting to be written (a client reading too slowly) before
     * it is closed; the client reconnects and resumes with Last-Event-ID.
     */
    @WithDefault("1000")
    int maxUnsent();
}
