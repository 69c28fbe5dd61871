package dev.rapport.contacts.account;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.rapport.platform.account.AccountErased;
import dev.rapport.platform.account.Accounts;
import dev.rapport.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The erasure of a whole account starts here, where the account's people are: contacts-service
 * deletes its part and publishes rapport.account.erased.v1 in the same transaction, and every
 * service that reads its topic erases its own part when it applies the event.
 */
@ApplicationScoped
class AccountErasure {

    private final Accounts accounts;
    private final Outbox outbox;
    private final Clock clock;

    AccountErasure(Accounts accounts, Outbox outbox, Clock clock) {
        this.accounts = accounts;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    AccountErasureResponse erase(UUID ownerId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        accounts.erase(ownerId, now);
        UUID eventId = outbox.publish(ownerId, new AccountErased(ownerId, now));
        return new AccountErasureResponse(ownerId, now, eventId);
    }
}
