package dev.rapport.referrals.contacts;

import java.util.UUID;

/**
 * A CDI event, fired in the consumer's transaction when contacts-service announces that a
 * contact was erased: each package removes what it keeps of the person.
 */
public record ContactErasure(UUID ownerId, UUID contactId) {
}
