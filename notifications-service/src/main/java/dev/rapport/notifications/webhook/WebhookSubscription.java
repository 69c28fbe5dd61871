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
    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public long version;

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
