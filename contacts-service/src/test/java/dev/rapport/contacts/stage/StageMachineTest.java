package dev.rapport.contacts.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.rapport.platform.http.Problem;
import dev.rapport.platform.http.ProblemException;

class StageMachineTest {

    /** Every (from, to) pair; a reason is given, so only the move itself decides. */
    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "PROSPECT,   PROSPECT,   illegal",
            "PROSPECT,   INVITED,    legal",
            "PROSPECT,   EXPLORING,  illegal",
            "PROSPECT,   QUALIFYING, illegal",
            "PROSPECT,   PARTNER,    illegal",
            "PROSPECT,   DECLINED,   legal",
            "PROSPECT,   CLOSED,     legal",
            "INVITED,    PROSPECT,   illegal",
            "INVITED,    INVITED,    illegal",
            "INVITED,    EXPLORING,  legal",
            "INVITED,    QUALIFYING, illegal",
            "INVITED,    PARTNER,    illegal",
            "INVITED,    DECLINED,   legal",
            "INVITED,    CLOSED,     legal",
            "EXPLORING,  PROSPECT,   illegal",
            "EXPLORING,  INVITED,    illegal",
            "EXPLORING,  EXPLORING,  illegal",
            "EXPLORING,  QUALIFYING, legal",
            "EXPLORING,  PARTNER,    illegal",
            "EXPLORING,  DECLINED,   legal",
            "EXPLORING,  CLOSED,     legal",
            "QUALIFYING, PROSPECT,   illegal",
            "QUALIFYING, INVITED,    illegal",
            "QUALIFYING, EXPLORING,  illegal",
            "QUALIFYING, QUALIFYING, illegal",
            "QUALIFYING, PARTNER,    legal",
            "QUALIFYING, DECLINED,   legal",
            "QUALIFYING, CLOSED,     legal",
            "PARTNER,    PROSPECT,   illegal",
            "PARTNER,    INVITED,    illegal",
            "PARTNER,    EXPLORING,  illegal",
            "PARTNER,    QUALIFYING, illegal",
            "PARTNER,    PARTNER,    illegal",
            "PARTNER,    DECLINED,   legal",
            "PARTNER,    CLOSED,     legal",
            "DECLINED,   PROSPECT,   legal",
            "DECLINED,   INVITED,    illegal",
            "DECLINED,   EXPLORING,  illegal",
            "DECLINED,   QUALIFYING, illegal",
            "DECLINED,   PARTNER,    illegal",
            "DECLINED,   DECLINED,   illegal",
            "DECLINED,   CLOSED,     legal",
            "CLOSED,     PROSPECT,   legal",
            "CLOSED,     INVITED,    illegal",
            "CLOSED,     EXPLORING,  illegal",
            "CLOSED,     QUALIFYING, illegal",
            "CLOSED,     PARTNER,    illegal",
            "CLOSED,     DECLINED,   legal",
            "CLOSED,     CLOSED,     illegal",
    })
    void everyMove(RelationshipStage from, RelationshipStage to, String verdict) {
        assertThat(from.allowedNext().contains(to)).isEqualTo(verdict.equals("legal"));
        if (verdict.equals("legal")) {
            assertThatCode(() -> StageMachine.check(from, to, "They moved abroad")).doesNotThrowAnyException();
            return;
        }
        Problem problem = catchThrowableOfType(ProblemException.class,
                () -> StageMachine.check(from, to, "They moved abroad")).problem();
        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.type().toString()).endsWith("/" + StageMachine.ILLEGAL_CHANGE);
        assertThat(problem.detail()).contains(from.name(), to.name());
        from.allowedNext().forEach(allowed -> assertThat(problem.detail()).contains(allowed.name()));
    }

    @Test
    void noStageMayMoveToItself() {
        for (RelationshipStage stage : RelationshipStage.values()) {
            assertThat(stage.allowedNext()).doesNotContain(stage).isNotEmpty();
        }
    }

    @Test
    void closingRequiresAReason() {
        for (String missing : new String[] { null, "", "   " }) {
            Problem problem = catchThrowableOfType(ProblemException.class,
                    () -> StageMachine.check(RelationshipStage.EXPLORING, RelationshipStage.CLOSED, missing)).problem();
            assertThat(problem.status()).isEqualTo(400);
            assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("reason");
        }
    }

    @Test
    void decliningAndOtherMovesTakeAnOptionalReason() {
        assertThatCode(() -> StageMachine.check(RelationshipStage.INVITED, RelationshipStage.DECLINED, null)).doesNotThrowAnyException();
        assertThatCode(() -> StageMachine.check(RelationshipStage.INVITED, RelationshipStage.DECLINED, "No reply in 3 weeks")).doesNotThrowAnyException();
        assertThatCode(() -> StageMachine.check(RelationshipStage.PROSPECT, RelationshipStage.INVITED, null)).doesNotThrowAnyException();
        assertThatCode(() -> StageMachine.check(RelationshipStage.CLOSED, RelationshipStage.PROSPECT, null)).doesNotThrowAnyException();
    }

    @Test
    void anIllegalMoveIsRefusedBeforeAMissingReason() {
        Problem problem = catchThrowableOfType(ProblemException.class,
                () -> StageMachine.check(RelationshipStage.CLOSED, RelationshipStage.CLOSED, null)).problem();
        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.detail()).isEqualTo("A contact in stage CLOSED cannot move to CLOSED; allowed: PROSPECT, DECLINED");
    }
}
