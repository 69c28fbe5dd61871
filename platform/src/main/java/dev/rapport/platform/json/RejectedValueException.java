package dev.rapport.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** A JSON value of the right type that Rapport still refuses; its message is the client's. */
public class RejectedValueException extends MismatchedInputException {

    private final String reason;

    RejectedValueException(JsonParser parser, Class<?> target, String reason) {
        super(parser, reason, target);
        this.reason = reason;
    }

    /** What is wrong with the value, for the problem's field error: "must not contain NUL characters". */
    public String reason() {
        return reason;
    }
}
