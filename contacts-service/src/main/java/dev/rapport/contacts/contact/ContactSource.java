package dev.rapport.contacts.contact;

/** Where a contact came from. */
public enum ContactSource {
    /** Met at a networking event. */
    MET_AT_EVENT,
    /** Introduced by another contact. */
    INTRODUCED,
    /** Referred to the owner. */
    REFERRED,
    /** Imported from a collected business card (POST /contacts/import). */
    BUSINESS_CARD,
    OTHER
}
