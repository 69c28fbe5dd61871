package dev.rapport.platform.json;

/** What makes text unacceptable anywhere in the API: in bodies, query strings and paths alike. */
public final class TextRules {

    private TextRules() {
    }

    /** Why {@code text} is refused, or null when it is fine. */
    public static String problemWith(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "must not contain NUL characters";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "is not valid Unicode (a lone surrogate)";
            }
            if (Character.isLowSurrogate(c)) {
                return "is not valid Unicode (a lone surrogate)";
            }
        }
        return null;
    }
}
