package dev.rapport.meetings.contacts;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** This service's view of {@code rapport.contact.deleted.v1}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ContactDeleted(UUID contactId) {
}
