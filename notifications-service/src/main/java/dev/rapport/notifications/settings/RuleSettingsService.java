package dev.rapport.notifications.settings;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.notifications.rules.Rules;
import dev.rapport.platform.http.ETags;
import dev.rapport.platform.http.MergePatch;
import dev.rapport.platform.http.ProblemException;
import dev.rapport.platform.http.ProblemMappers;
import dev.rapport.platform.time.IsoDurations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

/** Reads and changes an owner's rule settings; a change reschedules the owner's rules at once. */
@ApplicationScoped
public class RuleSettingsService {

    private final RuleSettingsRepository settings;
    private final Rules rules;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final Validator validator;

    RuleSettingsService(RuleSettingsRepository settings, Rules rules, Clock clock, ObjectMapper mapper, Validator validator) {
        this.settings = settings;
        this.rules = rules;
        this.clock = clock;
        this.mapper = mapper;
        this.validator = validator;
    }

    public record Versioned(RuleSettingsDocument settings, long version) {
    }

    @Transactional
    public Versioned get(UUID ownerId) {
        RuleSettings current = settings.forOwner(ownerId);
        return new Versioned(document(current), tag(current));
    }

    @Transactional
    public Versioned replace(UUID ownerId, String ifMatch, RuleSettingsDocument document) {
        RuleSettings current = settings.forOwner(ownerId);
        ETags.checkIfMatch(ifMatch, tag(current));
        return save(current, document);
    }

    @Transactional
    public Versioned patch(UUID ownerId, String ifMatch, JsonNode patch) {
        RuleSettings current = settings.forOwner(ownerId);
        ETags.checkIfMatch(ifMatch, tag(current));
        if (!patch.isObject()) {
            throw ProblemException.invalid("body", "must be a JSON object (application/merge-patch+json)");
        }
        RuleSettingsDocument patched;
        try {
            patched = mapper.treeToValue(MergePatch.apply(mapper.valueToTree(document(current)), patch), RuleSettingsDocument.class);
        } catch (JsonProcessingException e) {
            throw new ProblemException(ProblemMappers.problemOf(e));
        }
        Set<ConstraintViolation<RuleSettingsDocument>> violations = validator.validate(patched);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return save(current, patched);
    }

    private Versioned save(RuleSettings current, RuleSettingsDocument document) {
        Duration after = IsoDurations.parse("referralUnreturned.after", document.referralUnreturned().after());
        Duration cadence = IsoDurations.parse("relationshipStalled.cadence", document.relationshipStalled().cadence());
        current.unreturnedEnabled = document.referralUnreturned().enabled();
        current.unreturnedMinCount = document.referralUnreturned().minCount();
        current.unreturnedAfterSeconds = after.toSeconds();
        current.stalledEnabled = document.relationshipStalled().enabled();
        current.stalledCadenceSeconds = cadence.toSeconds();
        current.updatedAt = clock.instant();
        RuleSettings saved = settings.getEntityManager().merge(current);
        settings.flush();
        rules.reviewOwner(saved.ownerId);
        return new Versioned(document(saved), tag(saved));
    }

    /** The defaults are tag 0 and a saved row its version + 1, so the first save changes the tag too. */
    private long tag(RuleSettings current) {
        return settings.getEntityManager().contains(current) ? current.version + 1 : 0;
    }

    static RuleSettingsDocument document(RuleSettings settings) {
        return new RuleSettingsDocument(
                new RuleSettingsDocument.ReferralUnreturned(settings.unreturnedEnabled, settings.unreturnedMinCount,
                        IsoDurations.format(settings.unreturnedAfter())),
                new RuleSettingsDocument.RelationshipStalled(settings.stalledEnabled, IsoDurations.format(settings.stalledCadence())));
    }
}
