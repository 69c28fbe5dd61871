package dev.rapport.notifications.settings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.rapport.notifications.rules.Rule;
import dev.rapport.notifications.rules.Rules;
import dev.rapport.notifications.rules.SettingsDurations;
import dev.rapport.platform.http.ETags;
import dev.rapport.platform.http.MergePatch;
import dev.rapport.platform.http.Problem;
import dev.rapport.platform.http.ProblemException;
import dev.rapport.platform.http.ProblemMappers;
import dev.rapport.platform.time.IsoDurations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

/**
 * Reads and changes an owner's rule settings, one document per rule; a rule whose settings
 * changed has the owner's subjects reviewed again at the next sweep.
 */
@ApplicationScoped
public class RuleSettingsService {

    private static final Pattern DURATION = Pattern.compile(SettingsDurations.PATTERN);

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
        return new Versioned(document(ownerId), settings.tag(ownerId));
    }

    @Transactional
    public Versioned replace(UUID ownerId, String ifMatch, RuleSettingsDocument document) {
        settings.lockOwner(ownerId);
        ETags.checkIfMatch(ifMatch, settings.tag(ownerId));
        return save(ownerId, document);
    }

    @Transactional
    public Versioned patch(UUID ownerId, String ifMatch, JsonNode patch) {
        settings.lockOwner(ownerId);
        ETags.checkIfMatch(ifMatch, settings.tag(ownerId));
        if (!patch.isObject()) {
            throw ProblemException.invalid("body", "must be a JSON object (application/merge-patch+json)");
        }
        RuleSettingsDocument patched;
        try {
            patched = mapper.treeToValue(MergePatch.apply(mapper.valueToTree(document(ownerId)), patch), RuleSettingsDocument.class);
        } catch (JsonProcessingException e) {
            throw new ProblemException(ProblemMappers.problemOf(e));
        }
        Set<ConstraintViolation<RuleSettingsDocument>> violations = validator.validate(patched);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return save(ownerId, patched);
    }

    /** Stores the rules whose settings changed (durations in their shortest form) and has their subjects reviewed. */
    private Versioned save(UUID ownerId, RuleSettingsDocument document) {
        JsonNode wanted = normalized(mapper.valueToTree(document));
        List<Problem.FieldError> errors = new ArrayList<>();
        for (Rule<?> rule : rules.all()) {
            errors.addAll(check(rule, wanted.get(rule.name().settingsKey())));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.validation(errors));
        }
        JsonNode current = mapper.valueToTree(document(ownerId));
        Instant now = clock.instant();
        for (Rule<?> rule : rules.all()) {
            String key = rule.name().settingsKey();
            if (!wanted.get(key).equals(current.get(key))) {
                settings.save(ownerId, rule.name(), wanted.get(key), now);
                rules.reviewOwner(ownerId, rule.name());
            }
        }
        return new Versioned(document(ownerId), settings.tag(ownerId));
    }

    private <S extends Rule.Settings> List<Problem.FieldError> check(Rule<S> rule, JsonNode node) {
        String prefix = rule.name().settingsKey() + ".";
        try {
            return rule.check(mapper.treeToValue(node, rule.settingsType())).stream()
                    .map(error -> new Problem.FieldError(prefix + error.field(), error.message()))
                    .toList();
        } catch (JsonProcessingException e) {
            throw new ProblemException(ProblemMappers.problemOf(e));
        }
    }

    /** The owner's settings of every rule, as one document. */
    private RuleSettingsDocument document(UUID ownerId) {
        ObjectNode document = mapper.createObjectNode();
        for (Rule<?> rule : rules.all()) {
            document.set(rule.name().settingsKey(), mapper.valueToTree(settings.of(ownerId, rule)));
        }
        try {
            return mapper.treeToValue(document, RuleSettingsDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The rules' settings do not make a settings document", e);
        }
    }

    /** Every duration in its shortest form (P30D rather than PT720H), so equal settings compare equal. */
    private static JsonNode normalized(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).deepCopy();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                copy.set(field.getKey(), normalized(field.getValue()));
            }
            return copy;
        }
        if (node.isTextual() && DURATION.matcher(node.asText()).matches()) {
            return TextNode.valueOf(IsoDurations.format(Duration.parse(node.asText())));
        }
        return node;
    }
}
