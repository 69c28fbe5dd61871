package dev.rapport.platform.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a service keeps of an account, declared once per service: what the account's export
 * reads and what its erasure deletes. The platform adds its own tables (the outbox and the
 * stored Idempotency-Key answers). Every table of the service's schema is either declared here
 * or is one of {@link Accounts#NOT_ACCOUNT_DATA}: each service's tests check it with
 * {@link Accounts#declarationMismatches()}.
 */
public interface AccountData {

    /** Every table's rows of the account, in the order erasure deletes them: rows before those they reference. */
    List<OwnedRows> ownedRows();

    /**
     * What the account's erasure changes for other accounts, run in the same transaction before
     * its rows are deleted (a link's other side, for example). Nothing by default.
     */
    default void beforeErase(UUID ownerId, Instant erasedAt) {
    }
}
