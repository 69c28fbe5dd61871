package dev.rapport.contacts.importing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8: bytes that are not UTF-8 are refused, never replaced with U+FFFD. */
final class Utf8 {

    static final String NOT_UTF8 = "not valid UTF-8";

    private Utf8() {
    }

    /** The text, or null when the bytes are not valid UTF-8. */
    static String decode(byte[] bytes, int from, int to) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, to - from))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static String decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }
}
