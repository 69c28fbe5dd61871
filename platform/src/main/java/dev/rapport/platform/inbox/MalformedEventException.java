package dev.rapport.platform.inbox;

/** A record that cannot be read as a Rapport event; it goes to the dead-letter topic. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }
}
