package dev.rapport.platform.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where and how a service's outbox is relayed to Kafka. */
@ConfigMapping(prefix = "rapport.outbox")
public interface OutboxConfig {

    /** The topic this service publishes its events to, e.g. {@code rapport.contacts.v1}. */
    String topic();

    /** The CloudEvents source of this service, e.g. {@code /rapport/contacts-service}. */
    String source();

    /** Whether this instance relays at all (at most one instance relays at a time anyway). */
    @WithDefault("true")
    boolean relayEnabled();

    /** How often the relay looks for unpublished events when nothing woke it. */
    @WithDefault("1s")
    Duration sweepInterval();

    /** Events sent per round trip to the broker. */
    @WithDefault("200")
    int batchSize();

    /** How long the producer may try to deliver an event before the round is given up and retried. */
    @WithDefault("15s")
    Duration deliveryTimeout();
}
