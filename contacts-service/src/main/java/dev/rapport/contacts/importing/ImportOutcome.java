package dev.rapport.contacts.importing;

/** What became of one row of an import. */
public enum ImportOutcome {
    /** A contact was made from it. */
    CREATED,
    /** Left out: the caller already has this contact, or an earlier row made it. */
    DUPLICATE,
    /** Left out: it could not be read, or it is not a valid contact. */
    REJECTED
}
