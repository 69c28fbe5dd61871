package dev.rapport.contacts.importing;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.rapport.platform.http.ProblemException;

/**
 * Reads vCard 3.0 (RFC 2426) and 4.0 (RFC 6350) files: one card, {@code BEGIN:VCARD} to
 * {@code END:VCARD}, is one row; an optional UTF-8 byte order mark comes first. Folded lines are unfolded before decoding, so that a fold inside
 * a UTF-8 sequence does no harm, and each card is decoded on its own: a card that is not UTF-8
 * is refused alone. FN (or else N) gives the name, ORG the company, TITLE the role, the first
 * EMAIL and TEL the email and phone, NOTE the notes and CATEGORIES the tags; other properties
 * are listed as ignored.
 *
 * <p>
 * A body whose cards cannot be told apart (a line outside a card, a card without its END) or
 * that holds no card is refused whole with a 400 problem.
 */
final class VCardParser {

    private static final Set<String> VERSIONS = Set.of("3.0", "4.0");
    private static final Set<String> STRUCTURE = Set.of("BEGIN", "END", "VERSION");

    private VCardParser() {
    }

    static ParsedImport parse(byte[] body) {
        List<ImportRow> rows = new ArrayList<>();
        Set<String> ignored = new LinkedHashSet<>();
        List<Line> card = null;
        for (Line line : unfold(body)) {
            if (line.isBlank()) {
                continue;
            }
            if (line.is("BEGIN:VCARD")) {
                if (card != null) {
                    throw ProblemException.invalid("body", "card " + (rows.size() + 1) + " has no END:VCARD before line " + line.number());
                }
                card = new ArrayList<>();
            } else if (line.is("END:VCARD")) {
                if (card == null) {
                    throw ProblemException.invalid("body", "line " + line.number() + " ends a card that was never begun");
                }
                rows.add(card(rows.size() + 1, card, ignored));
                card = null;
            } else if (card == null) {
                throw ProblemException.invalid("body", "line " + line.number() + " is outside any BEGIN:VCARD … END:VCARD");
            } else {
                card.add(line);
            }
        }
        if (card != null) {
            throw ProblemException.invalid("body", "card " + (rows.size() + 1) + " has no END:VCARD");
        }
        if (rows.isEmpty()) {
            throw ProblemException.invalid("body", "holds no vCard (BEGIN:VCARD … END:VCARD)");
        }
        return new ParsedImport(rows, List.copyOf(ignored));
    }

    private static ImportRow card(int number, List<Line> lines, Set<String> ignored) {
        List<Property> properties = new ArrayList<>();
        Line notAProperty = null;
        for (Line line : lines) {
            String text = Utf8.decode(line.bytes());
            if (text == null) {
                return new ImportRow.Unreadable(number, Utf8.NOT_UTF8);
            }
            Property property = Property.of(text);
            if (property != null) {
                properties.add(property);
            } else if (notAProperty == null) {
                notAProperty = line;
            }
        }
        // The version first: a vCard 2.1 card has lines of its own kind (quoted-printable soft breaks).
        String version = properties.stream().filter(p -> p.name().equals("VERSION")).map(p -> p.value().strip())
                .findFirst().orElse(null);
        if (version == null) {
            return new ImportRow.Unreadable(number, "has no VERSION; only vCard 3.0 and 4.0 are read");
        }
        if (!VERSIONS.contains(version)) {
            return new ImportRow.Unreadable(number, "is vCard " + version + "; only vCard 3.0 and 4.0 are read");
        }
        if (notAProperty != null) {
            return new ImportRow.Unreadable(number, "line " + notAProperty.number() + " is not a vCard property (NAME:value)");
        }
        CardFields fields = new CardFields();
        for (Property property : properties) {
            String value = property.value();
            switch (property.name()) {
                case "FN" -> fields.put(ContactField.NAME, unescape(value));
                case "N" -> {
                    List<String> parts = split(value, ';');
                    fields.put(ContactField.FAMILY_NAME, unescape(parts.get(0)));
                    fields.put(ContactField.GIVEN_NAME, parts.size() > 1 ? unescape(parts.get(1)) : null);
                }
                case "ORG" -> fields.put(ContactField.COMPANY, unescape(split(value, ';').get(0)));
                case "TITLE" -> fields.put(ContactField.ROLE, unescape(value));
                case "EMAIL" -> fields.put(ContactField.EMAIL, unescape(value));
                case "TEL" -> fields.put(ContactField.PHONE, withoutTelScheme(unescape(value)));
                case "NOTE" -> fields.put(ContactField.NOTES, unescape(value));
                case "CATEGORIES" -> split(value, ',').forEach(tag -> fields.put(ContactField.TAGS, unescape(tag)));
                default -> {
                    if (!STRUCTURE.contains(property.name())) {
                        ignored.add(property.name());
                    }
                }
            }
        }
        return fields.toRow(number);
    }

    /** vCard 4.0 may give a phone as a tel: URI. */
    private static String withoutTelScheme(String value) {
        return value.regionMatches(true, 0, "tel:", 0, 4) ? value.substring(4) : value;
    }

    /** The parts of a value between separators that are not escaped with a backslash; the parts keep their escapes. */
    static List<String> split(String value, char separator) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == separator) {
                parts.add(value.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(value.substring(start));
        return parts;
    }

    /** A text value with its escapes undone: {@code \\ \, \; \n \N}; any other backslash is kept as it is. */
    static String unescape(String value) {
        StringBuilder text = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(i + 1);
                switch (next) {
                    case '\\', ',', ';' -> text.append(next);
                    case 'n', 'N' -> text.append('\n');
                    default -> text.append(c).append(next);
                }
                i++;
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    /**
     * The logical lines: a line that begins with a space or a tab continues the one before,
     * without its line break and that one character. Line breaks are CRLF or LF; a UTF-8 byte
     * order mark at the start is skipped.
     */
    static List<Line> unfold(byte[] body) {
        List<Line> lines = new ArrayList<>();
        ByteArrayOutputStream current = null;
        int currentNumber = 0;
        int number = 0;
        int start = body.length >= 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB && body[2] == (byte) 0xBF ? 3 : 0;
        while (start < body.length) {
            int end = start;
            while (end < body.length && body[end] != '\n') {
                end++;
            }
            int contentEnd = end > start && body[end - 1] == '\r' ? end - 1 : end;
            number++;
            boolean continuation = contentEnd > start && (body[start] == ' ' || body[start] == '\t');
            if (continuation && current != null) {
                current.write(body, start + 1, contentEnd - start - 1);
            } else {
                if (current != null) {
                    lines.add(new Line(currentNumber, current.toByteArray()));
                }
                current = new ByteArrayOutputStream();
                current.write(body, start, contentEnd - start);
                currentNumber = number;
            }
            start = end + 1;
        }
        if (current != null) {
            lines.add(new Line(currentNumber, current.toByteArray()));
        }
        return lines;
    }

    /** One unfolded line, with the number of the physical line it starts on. */
    record Line(int number, byte[] bytes) {

        boolean isBlank() {
            for (byte b : bytes) {
                if (b != ' ' && b != '\t') {
                    return false;
                }
            }
            return true;
        }

        /** Whether the line is this ASCII text, ignoring case and trailing blanks. */
        boolean is(String text) {
            int length = bytes.length;
            while (length > 0 && (bytes[length - 1] == ' ' || bytes[length - 1] == '\t')) {
                length--;
            }
            if (length != text.length()) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                if (Character.toUpperCase((char) (bytes[i] & 0xFF)) != text.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A content line {@code [group.]NAME[;param=value...]:value}: its upper-case name without the group, and its raw value. */
    record Property(String name, String value) {

        static Property of(String line) {
            boolean inQuotes = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '"') {
                    inQuotes = !inQuotes;
                } else if (c == ':' && !inQuotes) {
                    String name = line.substring(0, i);
                    int params = name.indexOf(';');
                    if (params >= 0) {
                        name = name.substring(0, params);
                    }
                    name = name.substring(name.indexOf('.') + 1).strip().toUpperCase(Locale.ROOT);
                    return name.isEmpty() ? null : new Property(name, line.substring(i + 1));
                }
            }
            return null;
        }
    }
}
