package dev.rapport.notifications.settings;

import java.util.UUID;

import dev.rapport.notifications.rules.RulesConfig;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class RuleSettingsRepository implements PanacheRepositoryBase<RuleSettings, UUID> {

    private final RulesConfig defaults;

    RuleSettingsRepository(RulesConfig defaults) {
        this.defaults = defaults;
    }

    /** The owner's settings, or the defaults (not persisted) when they never changed them. */
    public RuleSettings forOwner(UUID ownerId) {
        RuleSettings settings = findById(ownerId);
        return settings != null ? settings : defaults(ownerId);
    }

    private RuleSettings defaults(UUID ownerId) {
        RuleSettings settings = new RuleSettings();
        settings.ownerId = ownerId;
        settings.unreturnedEnabled = true;
        settings.unreturnedMinCount = defaults.unreturned().minCount();
        settings.unreturnedAfterSeconds = defaults.unreturned().after().toSeconds();
        settings.stalledEnabled = true;
        settings.stalledCadenceSeconds = defaults.stalled().cadence().toSeconds();
        return settings;
    }
}
