package dev.rapport.notifications.webhook;

/** Why an endpoint receives nothing. */
public enum DisabledReason {
    /** Its owner turned it off. */
    BY_OWNER,
    /** It answered 410 Gone: the receiver says it is no more. */
    GONE,
    /** It failed every attempt for longer than {@code rapport.webhooks.disable-after}. */
    FAILING
}
