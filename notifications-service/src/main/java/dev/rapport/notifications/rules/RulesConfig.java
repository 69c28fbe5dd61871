package dev.rapport.notifications.rules;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** The defaults of the rules, for owners who have not changed their settings. */
@ConfigMapping(prefix = "rapport.rules")
public interface RulesConfig {

    /** How often the sweep looks for rules that have come due (e.g. 30s), or "off". */
    String sweepInterval();

    Unreturned unreturned();

    Stalled stalled();

    interface Unreturned {
        /** Whether the rule is on. */
        boolean enabled();

        /** Referrals given to one partner, none received back, before the rule can fire. */
        int minCount();

        /** How old the oldest unreturned referral must be. */
        Duration after();
    }

    interface Stalled {
        /** Whether the rule is on. */
        boolean enabled();

        /** How long without a meeting or touchpoint before a relationship counts as stalled. */
        Duration cadence();
    }
}
