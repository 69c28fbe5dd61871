package dev.rapport.meetings.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Writes an iCalendar (RFC 5545) document: text escaped, long lines folded at 75 octets,
 * CRLF line ends, times in UTC.
 */
final class ICalendar {

    /** One event of the feed. */
    record Entry(UUID uid, Instant start, Duration length, String summary, String location, Instant stamp) {
    }

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private ICalendar() {
    }

    static String write(String name, List<Entry> entries) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Rapport//meetings-service//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + text(name));
        for (Entry entry : entries) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + entry.uid() + "@rapport");
            line(out, "DTSTAMP:" + UTC.format(entry.stamp().truncatedTo(ChronoUnit.SECONDS)));
            line(out, "DTSTART:" + UTC.format(entry.start().truncatedTo(ChronoUnit.SECONDS)));
            line(out, "DTEND:" + UTC.format(entry.start().plus(entry.length()).truncatedTo(ChronoUnit.SECONDS)));
            line(out, "SUMMARY:" + text(entry.summary()));
            if (entry.location() != null && !entry.location().isBlank()) {
                line(out, "LOCATION:" + text(entry.location()));
            }
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** TEXT value escaping (RFC 5545 3.3.11). */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Appends a content line, folded so that no line exceeds 75 octets (RFC 5545 3.1), never inside a character. */
    private static void line(StringBuilder out, String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4; // its UTF-8 octets
            if (octets + size > 75) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }
}
