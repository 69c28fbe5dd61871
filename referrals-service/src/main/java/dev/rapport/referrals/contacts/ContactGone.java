package dev.rapport.referrals.contacts;

import java.util.UUID;

/**
 * A CDI event, fired in the consumer's transaction when one of the owner's contacts was deleted
 * or erased: what depends on the contact being there (a member link through it) is undone.
 */
public record ContactGone(UUID ownerId, UUID contactId) {
}
