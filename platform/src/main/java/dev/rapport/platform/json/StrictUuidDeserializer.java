package dev.rapport.platform.json;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * A UUID only in its canonical 36-character form. Jackson's own trims the text first (so
 * {@code "…\u0000"} passed), and {@link UUID#fromString} takes {@code "1-1-1-1-1"}.
 */
public class StrictUuidDeserializer extends StdScalarDeserializer<UUID> {

    private static final Pattern CANONICAL = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    StrictUuidDeserializer() {
        super(UUID.class);
    }

    /** Whether {@code text} is a UUID in canonical form. */
    public static boolean isCanonical(String text) {
        return CANONICAL.matcher(text).matches();
    }

    @Override
    public UUID deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING) || !isCanonical(parser.getText())) {
            throw new RejectedValueException(parser, UUID.class, "must be a UUID");
        }
        return UUID.fromString(parser.getText());
    }
}
