package dev.rapport.platform.json;

import java.io.IOException;
import java.util.Arrays;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;

/**
 * Enums only from the exact text of a constant. Jackson's own reader trims what it cannot
 * find and tries again, so {@code "GIVEN "} and {@code "GIVEN\u0000"} passed as {@code GIVEN}.
 */
class StrictEnums extends BeanDeserializerModifier {

    @Override
    public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
            BeanDescription description, JsonDeserializer<?> deserializer) {
        return new Exact(deserializer, type.getRawClass());
    }

    private static final class Exact extends DelegatingDeserializer {

        private final Class<?> enumType;

        Exact(JsonDeserializer<?> delegate, Class<?> enumType) {
            super(delegate);
            this.enumType = enumType;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new Exact(newDelegatee, enumType);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw new RejectedValueException(parser, enumType, "must be one of " + constants());
            }
            String text = parser.getText();
            for (Object constant : enumType.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(text)) {
                    return constant;
                }
            }
            throw new RejectedValueException(parser, enumType, "must be one of " + constants());
        }

        private String constants() {
            return Arrays.toString(enumType.getEnumConstants());
        }
    }
}
