package dev.rapport.platform.outbox;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What this instance's outbox relay is doing, as of its last round. */
@Schema(name = "RelayStatus", description = "This instance's outbox relay, as of its last round")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RelayStatus(
        @Schema(description = "DISABLED on this instance by configuration; STARTING before its first round; RELAYING when it holds "
                + "the relay lock and the broker acknowledged its last round; STANDBY while another instance holds the lock; "
                + "FAILING when its last round failed or the broker did not acknowledge every event; STOPPED after shutdown")
        State state,
        @Schema(description = "When its last round ended") Instant lastRoundAt,
        @Schema(description = "When it last published an event the broker acknowledged") Instant lastPublishedAt,
        @Schema(description = "Events it published since this instance started") long publishedSinceStart,
        @Schema(description = "Why its last failing round failed") String lastFailure,
        @Schema(description = "When its last failing round ended") Instant lastFailureAt) {

    public enum State {
        DISABLED, STARTING, RELAYING, STANDBY, FAILING, STOPPED
    }
}
