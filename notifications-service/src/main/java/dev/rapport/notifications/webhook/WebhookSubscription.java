package dev.rapport.notifications.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An owner's endpoint and the event types it wants. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "owner_id")
    public UUID ownerId;
    public String url;
    public String description;
    @Column(name = "event_types")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> eventTypes = new ArrayList<>();
    /** Kept in clear: signing needs it. Shown to the owner once, at creation. */
    public String secret;
    public boolean enabled;
    /** Why it is disabled; null while enabled. */
    @Enumerated(EnumType.STRING)
    @Column(name = "disabled_reason")
    public DisabledReason disabledReason;
    /** Failed attempts since the last success; the dispatcher parks the endpoint past a threshold. */
    @Column(name = "consecutive_failures")
    public int consecutiveFailures;
    /** How many times in a row it was parked: each failed probe parks it a step longer. */
    @Column(name = "times_parked")
    public int timesParked;
    /** When the current run of failures began; null after a success. */
    @Column(name = "failing_since")
    public Instant failingSince;
    /** Nothing is sent before this (a parked endpoint, or one that asked for time with Retry-After). */
    @Column(name = "paused_until")
    public Instant pausedUntil;
    /** The secret before the last rotation, which also signs until {@link #previousSecretExpiresAt}. */
    @Column(name = "previous_secret")
    public String previousSecret;
    @Column(name = "previous_secret_expires_at")
    public Instant previousSecretExpiresAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public long version;

    /** Stops deliveries to this endpoint; its pending ones wait, and no new ones are queued. */
    public void disable(DisabledReason reason) {
        enabled = false;
        disabledReason = reason;
    }

    /** Starts deliveries again with a clean slate: no failures counted, no pause. */
    public void enable() {
        enabled = true;
        disabledReason = null;
        forgetFailures();
    }

    /** Forgets the endpoint's failures (a new URL is a new endpoint). */
    public void forgetFailures() {
        consecutiveFailures = 0;
        timesParked = 0;
        failingSince = null;
        pausedUntil = null;
    }

    /** Whether this subscription wants events of {@code type}: exact names, {@code *}, or a prefix ending in {@code *}. */
    public boolean wants(String type) {
        for (String wanted : eventTypes) {
            if (wanted.equals("*") || wanted.equals(type)
                    || (wanted.endsWith("*") && type.startsWith(wanted.substring(0, wanted.length() - 1)))) {
                return true;
            }
        }
        return false;
    }
}
