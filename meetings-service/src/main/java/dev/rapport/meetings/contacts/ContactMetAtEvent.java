package dev.rapport.meetings.contacts;

import java.time.Instant;
import java.util.UUID;

/**
 * A CDI event, fired in the consumer's transaction when contacts-service announces a contact
 * met at one of meetings-service's networking events ({@code metAtEventId}): a person added
 * from a business card at an event joins the people met there.
 */
public record ContactMetAtEvent(UUID ownerId, UUID contactId, UUID eventId, Instant at) {
}
