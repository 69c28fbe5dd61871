package dev.rapport.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryParamsTest {

    @Test
    void readsAWholeNumberInItsRangeAndTheDefaultWhenAbsent() {
        assertThat(QueryParams.integer("depth", "1", 1, 4, 2)).isEqualTo(1);
        assertThat(QueryParams.integer("depth", "4", 1, 4, 2)).isEqualTo(4);
        assertThat(QueryParams.integer("depth", "04", 1, 4, 2)).isEqualTo(4);
        assertThat(QueryParams.integer("depth", null, 1, 4, 2)).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "0", "5", "-1", "+2", " 2", "2 ", "1.5", "1e2", "0x10", "two", "\u0662", "99999999999", "2147483648" })
    void refusesAnythingElseNamingTheParameter(String value) {
        assertThatThrownBy(() -> QueryParams.integer("depth", value, 1, 4, 2))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().errors()).extracting(Problem.FieldError::field).containsExactly("depth");
                    assertThat(e.problem().detail()).isEqualTo("depth: must be a whole number from 1 to 4");
                });
    }
}
