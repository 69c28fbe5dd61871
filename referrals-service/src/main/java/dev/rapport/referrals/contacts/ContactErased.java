package dev.rapport.referrals.contacts;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What referrals-service reads of {@code rapport.contact.erased.v1}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ContactErased(UUID contactId) {
}
