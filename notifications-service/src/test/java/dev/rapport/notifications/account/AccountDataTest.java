package dev.rapport.notifications.account;

import dev.rapport.platform.testing.AccountDataDeclared;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AccountDataTest extends AccountDataDeclared {
}
