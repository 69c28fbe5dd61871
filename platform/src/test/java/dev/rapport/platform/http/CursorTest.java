package dev.rapport.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorTest {

    @Test
    void roundTripsAtMicrosecondPrecision() {
        Cursor cursor = new Cursor(Instant.parse("2026-11-23T10:15:30.123456Z"), UUID.randomUUID());
        assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void roundTripsTimesBeforeTheEpoch() {
        Cursor cursor = new Cursor(Instant.parse("1969-12-31T23:59:59.999999Z"), UUID.randomUUID());
        assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "!!!", "bm90LWEtY3Vyc29y", "MTIzOm5vdC1hLXV1aWQ" })
    void refusesCursorsItDidNotIssue(String cursor) {
        assertThatThrownBy(() -> Cursor.decode(cursor))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().errors()).extracting(Problem.FieldError::field).containsExactly("cursor");
                });
    }

    @Test
    void pageRequestChecksLimit() {
        assertThat(PageRequest.of(null, null).limit()).isEqualTo(50);
        assertThat(PageRequest.of("200", null).limit()).isEqualTo(200);
        assertThatThrownBy(() -> PageRequest.of("0", null)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> PageRequest.of("201", null)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> PageRequest.of("many", null)).isInstanceOf(ProblemException.class);
    }
}
