package dev.rapport.notifications.rules;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** The defaults of the rules, for owners who have not changed their settings. */
@ConfigMapping(prefix = "rapport.rules")
public interface RulesConfig {

    /** How often the sweep looks for rules that have come due (e.g. 30s), or "off". */
    String sweepInterval();

    /** How many due subjects one sweep transaction claims in due order. */
    int sweepBatch();

    /**
     * More new notifications of one rule than this for one owner in one sweep are a flood: they
     * are grouped under one summary notification, the only one published and sent to webhooks.
     */
    int floodLimit();

    Unreturned unreturned();

    Stalled stalled();

    Unacknowledged unacknowledged();

    Won won();

    Dormant dormant();

    FollowUp followUp();

    NoResponse noResponse();

    AskWhoTheyKnow askWhoTheyKnow();

    Unresolved unresolved();

    interface Dormant {
        /** Whether the rule is on. */
        boolean enabled();

        /** How long without a meeting, touchpoint or referral before a relationship is dormant. */
        Duration after();
    }

    interface FollowUp {
        /** Whether the rule is on. */
        boolean enabled();

        /** How long after a networking event someone met there may go without an invitation to a one-to-one. */
        Duration after();
    }

    interface NoResponse {
        /** Whether the rule is on. */
        boolean enabled();

        /** How long an invitation to a one-to-one may go unanswered. */
        Duration after();
    }

    interface AskWhoTheyKnow {
        /** Whether the rule is on. */
        boolean enabled();

        /** A discovery one-to-one held without asking "who do you know?": remind the owner to ask. */
        boolean askInDiscovery();

        /** How long the people named in a one-to-one may go without being contacted. */
        Duration contactNamesWithin();
    }

    interface Unresolved {
        /** Whether the rule is on. */
        boolean enabled();

        /** How long a reservation may stay open while the contact is QUALIFYING. */
        Duration after();
    }

    interface Unacknowledged {
        /** Whether the rule is on. */
        boolean enabled();

        /** How long a referral received may stay OPEN before the owner is reminded. */
        Duration after();
    }

    interface Won {
        /** Whether the rule is on. */
        boolean enabled();

        /** A referral received and won: remind the owner to thank the giver. */
        boolean thankGiver();

        /** A referral given and won: tell the owner, to celebrate with the partner. */
        boolean celebrateGiven();
    }

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

        /** Thresholds of a PROSPECT (met, card collected). */
        Thresholds prospect();

        /** Thresholds of someone INVITED to a one-to-one. */
        Thresholds invited();

        /** Thresholds of an EXPLORING relationship (discovery meeting held). */
        Thresholds exploring();

        /** Thresholds of a QUALIFYING relationship (referral fit under way). */
        Thresholds qualifying();

        /** Thresholds of a referral PARTNER. */
        Thresholds partner();

        /** A contact's own cadence is its due threshold; it is overdue after this many times it. */
        double ownCadenceOverdueFactor();

        interface Thresholds {
            /** How long without a meeting, touchpoint or referral before the relationship is due for one. */
            Duration due();

            /** How long before it is overdue (longer than due). */
            Duration overdue();
        }
    }
}
