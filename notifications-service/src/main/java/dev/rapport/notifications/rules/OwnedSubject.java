package dev.rapport.notifications.rules;

import java.util.UUID;

/** One owner's subject of a rule: a contact, a partner or a referral of theirs. */
public record OwnedSubject(UUID ownerId, UUID subjectId) {
}
