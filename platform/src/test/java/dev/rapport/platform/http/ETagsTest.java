package dev.rapport.platform.http;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ETagsTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "\"3\"", "*", "\"1\", \"3\"", " \"3\" " })
    void acceptsMissingOrMatchingIfMatch(String ifMatch) {
        assertThatCode(() -> ETags.checkIfMatch(ifMatch, 3)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"2\"", "3", "W/\"3\"", "\"4\", \"5\"" })
    void refusesStaleOrWeakIfMatchWith412(String ifMatch) {
        assertThatThrownBy(() -> ETags.checkIfMatch(ifMatch, 3))
                .isInstanceOfSatisfying(ProblemException.class, e -> org.assertj.core.api.Assertions.assertThat(e.problem().status()).isEqualTo(412));
    }
}
