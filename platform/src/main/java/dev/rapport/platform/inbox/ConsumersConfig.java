package dev.rapport.platform.inbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a service's event consumers behave when it stops. */
@ConfigMapping(prefix = "rapport.consumers")
public interface ConsumersConfig {

    /**
     * How long a stopping service waits for the events being applied to commit, before its
     * database connections close. An event still running after it is applied again by the next
     * instance, never dead-lettered.
     */
    @WithDefault("10s")
    Duration drainTimeout();
}
