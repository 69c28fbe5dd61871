package dev.rapport.referrals.contacts;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What referrals-service reads of {@code rapport.contact.deleted.v1}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ContactDeleted(UUID contactId) {
}
