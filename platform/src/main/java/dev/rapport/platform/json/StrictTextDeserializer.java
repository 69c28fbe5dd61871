package dev.rapport.platform.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * Text only from JSON strings, and only text PostgreSQL can store and every client can read:
 * no NUL character, no lone surrogate (JSON escapes such as {@code "\ud800"} can produce one).
 */
class StrictTextDeserializer extends StdScalarDeserializer<String> {

    StrictTextDeserializer() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (String) context.handleUnexpectedToken(String.class, parser);
        }
        String text = parser.getText();
        String problem = TextRules.problemWith(text);
        if (problem != null) {
            throw new RejectedValueException(parser, String.class, problem);
        }
        return text;
    }
}
