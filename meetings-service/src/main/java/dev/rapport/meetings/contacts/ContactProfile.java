package dev.rapport.meetings.contacts;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * This service's view of {@code rapport.contact.created.v1} and {@code rapport.contact.updated.v1}:
 * only the fields it reads. The rest of the profile is ignored on purpose.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ContactProfile(UUID contactId, String name, UUID metAtEventId) {
}
