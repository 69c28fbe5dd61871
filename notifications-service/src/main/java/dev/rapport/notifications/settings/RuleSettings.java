package dev.rapport.notifications.settings;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One owner's tuning of the rules; owners without a row use the configured defaults. */
@Entity
@Table(name = "rule_settings")
public class RuleSettings extends PanacheEntityBase {

    @Id
    @Column(name = "owner_id")
    public UUID ownerId;
    @Column(name = "unreturned_enabled")
    public boolean unreturnedEnabled;
    @Column(name = "unreturned_min_count")
    public int unreturnedMinCount;
    @Column(name = "unreturned_after_seconds")
    public long unreturnedAfterSeconds;
    @Column(name = "stalled_enabled")
    public boolean stalledEnabled;
    @Column(name = "stalled_cadence_seconds")
    public long stalledCadenceSeconds;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    public Duration unreturnedAfter() {
        return Duration.ofSeconds(unreturnedAfterSeconds);
    }

    public Duration stalledCadence() {
        return Duration.ofSeconds(stalledCadenceSeconds);
    }
}
