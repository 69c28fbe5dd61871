package dev.rapport.referrals.exchange;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "rapport.links")
public interface LinksConfig {

    /** How long an invitation code can be accepted. */
    @WithDefault("P7D")
    Duration invitationTtl();
}
