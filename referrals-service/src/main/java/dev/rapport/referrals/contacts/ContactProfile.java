package dev.rapport.referrals.contacts;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What referrals-service reads of {@code rapport.contact.created.v1} and {@code rapport.contact.updated.v1}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ContactProfile(UUID contactId, String name) {
}
