package dev.rapport.platform.outbox;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The service's outbox: what waits to be published, and this instance's relay. */
@Schema(name = "OutboxStatus", description = "This service's outbox: the events waiting to be published, and this instance's relay")
public record OutboxStatus(
        @Schema(description = "Events committed but not yet acknowledged by Kafka", examples = "0") long pending,
        @Schema(description = "When the oldest of them occurred; absent when none waits")
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant oldestPendingAt,
        @Schema(description = "How long the oldest has waited, in seconds; 0 when none waits", examples = "0") long lagSeconds,
        RelayStatus relay) {
}
