package dev.rapport.notifications.rules;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import dev.rapport.notifications.notification.NotificationContent;

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

    /**
     * {@link #evaluate} for many subjects, of one owner or many, at once, as the sweep asks; a
     * rule whose projection can be read for all of them in one query should do so.
     *
     * @param settingsOf each owner's settings (all of them enabled)
     * @return a verdict for every subject asked about
     */
    default Map<OwnedSubject, Verdict> evaluateAll(List<OwnedSubject> subjects, Function<UUID, S> settingsOf, Instant now) {
        Map<OwnedSubject, Verdict> verdicts = new HashMap<>();
        subjects.forEach(s -> verdicts.put(s, evaluate(s.ownerId(), s.subjectId(), settingsOf.apply(s.ownerId()), now)));
        return verdicts;
    }

    /**
     * What one notification says for {@code count} of this rule's notifications raised at once
     * (a flood, see {@link Rules}); {@code link} lists them.
     */
    default NotificationContent summarize(int count, String link) {
        return new NotificationContent(count + " notifications", count + " new notifications: " + name().id(),
                "One review raised " + count + " notifications of the rule " + name().id() + " at once, so they are grouped here. "
                        + "Open the list to go through them.",
                link);
    }
}
