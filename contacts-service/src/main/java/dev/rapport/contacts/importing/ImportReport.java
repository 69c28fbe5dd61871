package dev.rapport.contacts.importing;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to an import: how many rows came to what, and what became of each. */
@Schema(name = "ImportReport", description = "What became of each row of an import")
public record ImportReport(
        @Schema(description = "Contacts made", examples = "2") int created,
        @Schema(description = "Rows left out as duplicates", examples = "1") int duplicates,
        @Schema(description = "Rows left out as unreadable or invalid", examples = "1") int rejected,
        @Schema(description = "CSV: header columns not imported; vCard: properties not imported", examples = "[\"LinkedIn\"]")
        List<String> ignoredColumns,
        @Schema(description = "Every row, in file order; rows whose fields are all blank are left out") List<ImportRowResult> rows) {

    static ImportReport of(List<ImportRowResult> rows, List<String> ignoredColumns) {
        return new ImportReport(count(rows, ImportOutcome.CREATED), count(rows, ImportOutcome.DUPLICATE),
                count(rows, ImportOutcome.REJECTED), List.copyOf(ignoredColumns), List.copyOf(rows));
    }

    private static int count(List<ImportRowResult> rows, ImportOutcome outcome) {
        return (int) rows.stream().filter(r -> r.outcome() == outcome).count();
    }
}
