package dev.rapport.contacts.importing;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.rapport.platform.http.ProblemException;

/**
 * Reads an RFC 4180 CSV file whose first line is the header: fields separated by commas, records
 * by CRLF or LF, double-quoted fields that may hold commas, line breaks and doubled quotes, and
 * an optional UTF-8 byte order mark. It splits the bytes first and decodes each row on its own,
 * so that a row that is not UTF-8 is refused alone (the separators are ASCII, which never occurs
 * inside a UTF-8 sequence).
 *
 * <p>
 * A body whose rows cannot be told apart (a quote never closed) or whose header names no name
 * column is refused whole with a 400 problem. Rows whose fields are all blank are skipped and
 * not reported, but keep their number, so that row numbers match the file's.
 */
final class CsvParser {

    private static final byte QUOTE = '"';

    private CsvParser() {
    }

    static ParsedImport parse(byte[] body) {
        List<Record> records = new Reader(body).records();
        if (records.isEmpty()) {
            throw ProblemException.invalid("body", "is empty; the first line must be the header");
        }
        Record headerRecord = records.get(0);
        List<String> header = new ArrayList<>();
        for (byte[] field : headerRecord.fields()) {
            String name = Utf8.decode(field);
            if (name == null) {
                throw ProblemException.invalid("body", "the header is " + Utf8.NOT_UTF8);
            }
            header.add(name.strip());
        }
        Map<Integer, ContactField> columns = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            ContactField field = ContactField.ofHeader(header.get(i));
            if (field == null || columns.containsValue(field)) {
                if (!header.get(i).isEmpty()) {
                    ignored.add(header.get(i));
                }
            } else {
                columns.put(i, field);
            }
        }
        if (!columns.containsValue(ContactField.NAME) && !columns.containsValue(ContactField.GIVEN_NAME)
                && !columns.containsValue(ContactField.FAMILY_NAME)) {
            throw ProblemException.invalid("body", "the header has no name column; name one " + acceptedNameHeaders()
                    + ". Other columns read: " + acceptedOtherHeaders());
        }
        List<ImportRow> rows = new ArrayList<>();
        for (Record record : records.subList(1, records.size())) {
            if (!record.blank()) {
                rows.add(row(record, header.size(), columns));
            }
        }
        return new ParsedImport(rows, ignored);
    }

    private static ImportRow row(Record record, int headerSize, Map<Integer, ContactField> columns) {
        int number = record.number();
        if (record.malformed() != null) {
            return new ImportRow.Unreadable(number, record.malformed());
        }
        List<byte[]> fields = record.fields();
        for (int i = headerSize; i < fields.size(); i++) {
            if (!blank(fields.get(i))) {
                return new ImportRow.Unreadable(number, "has " + fields.size() + " fields but the header has " + headerSize
                        + " (a comma in a value that is not quoted?)");
            }
        }
        List<String> values = new ArrayList<>();
        for (byte[] field : fields) {
            String value = Utf8.decode(field);
            if (value == null) {
                return new ImportRow.Unreadable(number, Utf8.NOT_UTF8);
            }
            values.add(value);
        }
        CardFields card = new CardFields();
        for (Map.Entry<Integer, ContactField> column : columns.entrySet()) {
            if (column.getKey() >= values.size()) {
                continue;
            }
            String value = values.get(column.getKey());
            if (column.getValue() == ContactField.TAGS) {
                for (String tag : value.split("[;|]")) {
                    card.put(ContactField.TAGS, tag);
                }
            } else {
                card.put(column.getValue(), value);
            }
        }
        return card.toRow(number);
    }

    private static String acceptedNameHeaders() {
        return "\"" + String.join("\", \"", ContactField.NAME.headers) + "\", or \""
                + String.join("\", \"", ContactField.GIVEN_NAME.headers) + "\" and \""
                + String.join("\", \"", ContactField.FAMILY_NAME.headers) + "\"";
    }

    private static String acceptedOtherHeaders() {
        return java.util.Arrays.stream(ContactField.values())
                .filter(f -> f != ContactField.NAME && f != ContactField.GIVEN_NAME && f != ContactField.FAMILY_NAME)
                .map(f -> "\"" + String.join("\", \"", f.headers) + "\"")
                .collect(Collectors.joining("; "));
    }

    private static boolean blank(byte[] field) {
        for (byte b : field) {
            if (b != ' ' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    /** One record: its number (0 for the header, then 1-based data rows), its fields' bytes, and what is wrong with its quoting. */
    private record Record(int number, List<byte[]> fields, String malformed) {

        boolean blank() {
            return malformed == null && fields.stream().allMatch(CsvParser::blank);
        }
    }

    /** Splits the bytes into records and fields. */
    private static final class Reader {

        private final byte[] body;
        private final List<Record> records = new ArrayList<>();
        private List<byte[]> fields = new ArrayList<>();
        private ByteArrayOutputStream field = new ByteArrayOutputStream();
        private boolean fieldStarted;
        private boolean fieldQuoted;
        private String malformed;

        Reader(byte[] body) {
            this.body = body;
        }

        List<Record> records() {
            int i = startsWithByteOrderMark() ? 3 : 0;
            while (i < body.length) {
                byte b = body[i];
                if (b == QUOTE && !fieldStarted) {
                    i = quoted(i + 1);
                } else if (b == ',') {
                    endField();
                    i++;
                } else if (b == '\r' || b == '\n') {
                    endRecord();
                    i += b == '\r' && i + 1 < body.length && body[i + 1] == '\n' ? 2 : 1;
                } else {
                    if (fieldQuoted && malformed == null) {
                        malformed = "has text after the closing quote of a field; quote the whole field";
                    }
                    field.write(b);
                    fieldStarted = true;
                    i++;
                }
            }
            if (fieldStarted || !fields.isEmpty()) {
                endRecord();
            }
            return records;
        }

        /** Reads a quoted field from just after its opening quote; answers the index after its closing quote. */
        private int quoted(int from) {
            fieldStarted = true;
            fieldQuoted = true;
            int i = from;
            while (i < body.length) {
                if (body[i] == QUOTE) {
                    if (i + 1 < body.length && body[i + 1] == QUOTE) {
                        field.write(QUOTE);
                        i += 2;
                        continue;
                    }
                    return i + 1;
                }
                field.write(body[i]);
                i++;
            }
            String where = records.isEmpty() ? "the header" : "row " + records.size();
            throw ProblemException.invalid("body", where + " has a quoted field that is never closed");
        }

        private boolean startsWithByteOrderMark() {
            return body.length >= 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB && body[2] == (byte) 0xBF;
        }

        private void endField() {
            fields.add(field.toByteArray());
            field = new ByteArrayOutputStream();
            fieldStarted = false;
            fieldQuoted = false;
        }

        private void endRecord() {
            endField();
            records.add(new Record(records.size(), fields, malformed));
            fields = new ArrayList<>();
            malformed = null;
        }
    }
}
