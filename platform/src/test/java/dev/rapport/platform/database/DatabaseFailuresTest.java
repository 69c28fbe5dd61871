package dev.rapport.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {

    @Test
    void tellsPassingFailuresFromLastingOnes() {
        assertThat(DatabaseFailures.isTransient(new RuntimeException(new SQLException("deadlock detected", "40P01")))).isTrue();
        assertThat(DatabaseFailures.isTransient(new RuntimeException(new SQLException("terminating connection", "57P01")))).isTrue();
        assertThat(DatabaseFailures.isTransient(new RuntimeException(new SQLException("Connection refused", "08001")))).isTrue();
        assertThat(DatabaseFailures.isTransient(new RuntimeException(new SQLException("Acquisition timeout")))).isTrue();
        assertThat(DatabaseFailures.isTransient(new RuntimeException(new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseFailures.isTransient(new IllegalArgumentException("bad"))).isFalse();
    }
}
