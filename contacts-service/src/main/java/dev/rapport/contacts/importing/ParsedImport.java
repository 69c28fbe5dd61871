package dev.rapport.contacts.importing;

import java.util.List;

/** What a parser read from an upload: its rows in order, and the columns (vCard: properties) it did not import. */
record ParsedImport(List<ImportRow> rows, List<String> ignoredColumns) {
}
