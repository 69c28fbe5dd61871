package dev.rapport.platform.json;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * A point in time only as an RFC 3339 string with an offset ({@code 2026-12-01T09:30:00Z}),
 * in the years 0001–9999: never an epoch number, never an empty string.
 */
class StrictInstantDeserializer extends StdScalarDeserializer<Instant> {

    /** Strict: {@code 24:00} or the 30th of February are refused, not rolled over. */
    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withResolverStyle(ResolverStyle.STRICT);

    static final String EXPECTED = "must be an RFC 3339 date-time with an offset, e.g. 2026-12-01T09:30:00Z";

    StrictInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            throw new RejectedValueException(parser, Instant.class, EXPECTED);
        }
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(parser.getText(), RFC_3339);
        } catch (DateTimeParseException e) {
            throw new RejectedValueException(parser, Instant.class, EXPECTED);
        }
        // In UTC, as it is stored and published: 0001-01-01T00:00+14:00 is still the year 0000.
        int year = time.withOffsetSameInstant(ZoneOffset.UTC).getYear();
        if (time.getYear() < 1 || time.getYear() > 9999 || year < 1 || year > 9999) {
            throw new RejectedValueException(parser, Instant.class, "must be in the years 0001 to 9999");
        }
        return time.toInstant();
    }
}
