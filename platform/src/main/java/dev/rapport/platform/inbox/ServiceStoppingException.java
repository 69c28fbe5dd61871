package dev.rapport.platform.inbox;

/**
 * An event was not applied because the service is stopping. Never dead-lettered: its offset
 * stays uncommitted, and the next instance applies it.
 */
public class ServiceStoppingException extends RuntimeException {

    ServiceStoppingException(String message, Throwable cause) {
        super(message, cause);
    }
}
