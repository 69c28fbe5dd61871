package dev.rapport.contacts.importing;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What became of one row, in the report of an import. */
@Schema(name = "ImportRowResult", description = "What became of one row (CSV) or card (vCard)")
public record ImportRowResult(
        @Schema(description = "The 1-based number of the data row (the header not counted) or of the card", examples = "2")
        int row,
        ImportOutcome outcome,
        @Schema(description = "CREATED: the new contact; DUPLICATE: the contact it duplicates")
        UUID contactId,
        @Schema(description = "DUPLICATE of an earlier row of the same file: that row's number", examples = "1")
        Integer duplicateOf,
        @Schema(description = "Why the row was left out", examples = "email: must be a well-formed email address")
        String reason) {

    static ImportRowResult created(int row, UUID contactId) {
        return new ImportRowResult(row, ImportOutcome.CREATED, contactId, null, null);
    }

    static ImportRowResult duplicate(int row, UUID contactId, DuplicateCheck.Match match) {
        return new ImportRowResult(row, ImportOutcome.DUPLICATE, contactId, match.row(), match.reason());
    }

    static ImportRowResult rejected(int row, String reason) {
        return new ImportRowResult(row, ImportOutcome.REJECTED, null, null, reason);
    }
}
