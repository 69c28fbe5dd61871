package dev.rapport.notifications.webhook;

/** Where a delivery stands. */
public enum DeliveryStatus {
    /** Waiting for its next attempt (or for its endpoint to be enabled again). */
    PENDING,
    DELIVERED,
    /** Every attempt of the schedule failed; recover or redeliver sends it again. */
    FAILED
}
