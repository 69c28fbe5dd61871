package dev.rapport.contacts.importing;

import dev.rapport.contacts.contact.ContactRequest;

/** One data row of a CSV file or one card of a vCard file, as read: a profile to validate, or why it could not be read. */
sealed interface ImportRow {

    /** The 1-based number of the data row (the header not counted) or of the card. */
    int row();

    record Readable(int row, ContactRequest request) implements ImportRow {
    }

    record Unreadable(int row, String reason) implements ImportRow {
    }
}
