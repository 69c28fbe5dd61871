package dev.rapport.meetings.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.account.Accounts;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class AccountDataTest {

    @Inject
    Accounts accounts;

    /** A new table is either an account's data, exported and erased with it, or declared to hold none. */
    @Test
    void everyTableIsDeclaredAsAccountDataOrKnownToHoldNone() {
        assertThat(accounts.declarationMismatches()).isEmpty();
    }
}
