package dev.rapport.notifications.rules;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.rapport.platform.http.Problem;

/**
 * A rule that watches one kind of subject (a contact, a partner, a referral) and tells the
 * owner when it needs attention. {@link Rules} runs every rule the same way: an event about a
 * subject reviews it at once, and the sweep reviews the subjects whose time has come.
 *
 * @param <S> the rule's settings, one validated JSON document per owner (defaults from config)
 */
public interface Rule<S extends Rule.Settings> {

    /** Every rule's settings can switch it off. */
    interface Settings {
        Boolean enabled();
    }

    RuleName name();

    /** The kind of subject it is about: an event about such a subject reviews this rule for it. */
    SubjectKind watches();

    Class<S> settingsType();

    /** The settings of owners who never changed them. */
    S defaults();

    /** What bean validation cannot say about a settings document (one duration before another), as field errors. */
    default List<Problem.FieldError> check(S settings) {
        return List.of();
    }

    /**
     * Reads the subject's projection and decides, at {@code now}: which threshold holds (and
     * what the notification says), and when the subject is next due for review.
     */
    Verdict evaluate(UUID ownerId, UUID subjectId, S settings, Instant now);
}
