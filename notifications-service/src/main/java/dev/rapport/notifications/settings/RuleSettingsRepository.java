package dev.rapport.notifications.settings;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.notifications.rules.Rule;
import dev.rapport.notifications.rules.RuleName;
import dev.rapport.platform.http.MergePatch;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.validation.Validator;

/**
 * Rule settings, one JSON document per (owner, rule) in {@code rule_setting}. A stored document
 * is laid over the rule's defaults, so a member added to a rule later takes its default.
 */
@ApplicationScoped
public class RuleSettingsRepository {

    private final EntityManager entityManager;
    private final ObjectMapper mapper;
    private final Validator validator;

    RuleSettingsRepository(EntityManager entityManager, ObjectMapper mapper, Validator validator) {
        this.entityManager = entityManager;
        this.mapper = mapper;
        this.validator = validator;
    }

    /** The owner's settings of the rule: the stored document over the defaults, or the defaults. */
    public <S extends Rule.Settings> S of(UUID ownerId, Rule<S> rule) {
        return read(ownerId, rule, storedDocument(ownerId, rule.name()));
    }

    /** {@link #of(UUID, Rule)} for many owners, in one query. */
    public <S extends Rule.Settings> Map<UUID, S> of(Collection<UUID> owners, Rule<S> rule) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "select owner_id, cast(document as text) from rule_setting where owner_id = any(?1) and rule = ?2")
                .setParameter(1, owners.toArray(UUID[]::new)).setParameter(2, rule.name().id()).getResultList();
        Map<UUID, S> settings = new HashMap<>();
        rows.forEach(row -> settings.put((UUID) row[0], read((UUID) row[0], rule, (String) row[1])));
        owners.forEach(owner -> settings.putIfAbsent(owner, rule.defaults()));
        return settings;
    }

    private <S extends Rule.Settings> S read(UUID ownerId, Rule<S> rule, String stored) {
        if (stored == null) {
            return rule.defaults();
        }
        try {
            JsonNode document = MergePatch.apply(mapper.valueToTree(rule.defaults()), mapper.readTree(stored));
            S settings = mapper.treeToValue(document, rule.settingsType());
            if (validator.validate(settings).isEmpty() && rule.check(settings).isEmpty()) {
                return settings;
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            Log.debugf("Unreadable settings: %s", e.getMessage());
        }
        // Only the API writes settings, after validating them: this means a rule's settings changed shape.
        Log.warnf("Owner %s's settings of %s are no longer valid; using the defaults", ownerId, rule.name().id());
        return rule.defaults();
    }

    /**
     * A tag that changes with every save of any of the owner's rule settings: each save adds a
     * row (version 0) or bumps one row's version, so the sum of (version + 1) only ever grows.
     * 0 for an owner who never changed anything.
     */
    public long tag(UUID ownerId) {
        return ((Number) entityManager.createNativeQuery("select coalesce(sum(version + 1), 0) from rule_setting where owner_id = ?1")
                .setParameter(1, ownerId).getSingleResult()).longValue();
    }

    /** Serialises changes of one owner's settings, whose rows may not exist yet to be locked. */
    public void lockOwner(UUID ownerId) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(cast(?1 as text), 0))")
                .setParameter(1, ownerId.toString()).getSingleResult();
    }

    public void save(UUID ownerId, RuleName rule, JsonNode document, Instant now) {
        entityManager.createNativeQuery("""
                insert into rule_setting (owner_id, rule, document, updated_at, version) values (?1, ?2, cast(?3 as jsonb), ?4, 0)
                on conflict (owner_id, rule) do update set document = excluded.document, updated_at = excluded.updated_at,
                    version = rule_setting.version + 1""")
                .setParameter(1, ownerId).setParameter(2, rule.id()).setParameter(3, document.toString())
                .setParameter(4, Timestamp.from(now))
                .executeUpdate();
    }

    private String storedDocument(UUID ownerId, RuleName rule) {
        @SuppressWarnings("unchecked")
        List<String> rows = entityManager.createNativeQuery("select cast(document as text) from rule_setting where owner_id = ?1 and rule = ?2")
                .setParameter(1, ownerId).setParameter(2, rule.id()).getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }
}
