package dev.rapport.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.account.Accounts;
import jakarta.inject.Inject;

/**
 * Each service's check of its {@code AccountData} against its schema: a new table is either an
 * account's data, exported and erased with it, or declared to hold none; a declared table exists.
 * A service's test extends this with {@code @QuarkusTest}.
 */
public abstract class AccountDataDeclared {

    @Inject
    Accounts accounts;

    @Test
    void everyTableIsDeclaredAsAccountDataOrKnownToHoldNone() {
        assertThat(accounts.declarationMismatches()).isEmpty();
    }
}
