package dev.rapport.platform.account;

import java.time.Instant;
import java.util.UUID;

import dev.rapport.platform.outbox.DomainEvent;

/**
 * An administrator had a whole account erased (the right to be forgotten). contacts-service
 * erases its part and publishes this on {@code rapport.contacts.v1}; every consumer of that
 * topic erases the account's data on its service when it applies the event
 * ({@link dev.rapport.platform.inbox.IdempotentConsumer}).
 */
public record AccountErased(UUID ownerId, Instant erasedAt) implements DomainEvent {

    public static final String TYPE = "rapport.account.erased.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public UUID subject() {
        return ownerId;
    }
}
