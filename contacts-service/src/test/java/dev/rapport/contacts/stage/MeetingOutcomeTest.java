package dev.rapport.contacts.stage;

import static dev.rapport.contacts.stage.RelationshipStage.CLOSED;
import static dev.rapport.contacts.stage.RelationshipStage.DECLINED;
import static dev.rapport.contacts.stage.RelationshipStage.EXPLORING;
import static dev.rapport.contacts.stage.RelationshipStage.INVITED;
import static dev.rapport.contacts.stage.RelationshipStage.PARTNER;
import static dev.rapport.contacts.stage.RelationshipStage.PROSPECT;
import static dev.rapport.contacts.stage.RelationshipStage.QUALIFYING;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Every outcome from every stage, for an outcome newer and older than the last stage change. */
class MeetingOutcomeTest {

    static Stream<Arguments> table() {
        // outcome, current stage, target when newer, target when older (null: stays)
        return Stream.of(
                Arguments.of(MeetingOutcome.INVITATION_SENT, PROSPECT, INVITED, INVITED),
                Arguments.of(MeetingOutcome.INVITATION_SENT, INVITED, null, null),
                Arguments.of(MeetingOutcome.INVITATION_SENT, EXPLORING, null, null),
                Arguments.of(MeetingOutcome.INVITATION_SENT, QUALIFYING, null, null),
                Arguments.of(MeetingOutcome.INVITATION_SENT, PARTNER, null, null),
                Arguments.of(MeetingOutcome.INVITATION_SENT, DECLINED, INVITED, null),
                Arguments.of(MeetingOutcome.INVITATION_SENT, CLOSED, null, null),
                Arguments.of(MeetingOutcome.DISCOVERY_HELD, PROSPECT, EXPLORING, EXPLORING),
                Arguments.of(MeetingOutcome.DISCOVERY_HELD, INVITED, EXPLORING, EXPLORING),
                Arguments.of(MeetingOutcome.DISCOVERY_HELD, EXPLORING, null, null),
                Arguments.of(MeetingOutcome.DISCOVERY_HELD, QUALIFYING, null, null),
                Arguments.of(MeetingOutcome.DISCOVERY_HELD, PARTNER, null, null),
                Arguments.of(MeetingOutcome.DISCOVERY_HELD, DECLINED, EXPLORING, null),
                Arguments.of(MeetingOutcome.DISCOVERY_HELD, CLOSED, null, null),
                Arguments.of(MeetingOutcome.REFERRAL_FIT_HELD, PROSPECT, QUALIFYING, QUALIFYING),
                Arguments.of(MeetingOutcome.REFERRAL_FIT_HELD, INVITED, QUALIFYING, QUALIFYING),
                Arguments.of(MeetingOutcome.REFERRAL_FIT_HELD, EXPLORING, QUALIFYING, QUALIFYING),
                Arguments.of(MeetingOutcome.REFERRAL_FIT_HELD, QUALIFYING, null, null),
                Arguments.of(MeetingOutcome.REFERRAL_FIT_HELD, PARTNER, null, null),
                Arguments.of(MeetingOutcome.REFERRAL_FIT_HELD, DECLINED, QUALIFYING, null),
                Arguments.of(MeetingOutcome.REFERRAL_FIT_HELD, CLOSED, null, null),
                Arguments.of(MeetingOutcome.INVITATION_DECLINED, PROSPECT, DECLINED, null),
                Arguments.of(MeetingOutcome.INVITATION_DECLINED, INVITED, DECLINED, null),
                Arguments.of(MeetingOutcome.INVITATION_DECLINED, EXPLORING, null, null),
                Arguments.of(MeetingOutcome.INVITATION_DECLINED, QUALIFYING, null, null),
                Arguments.of(MeetingOutcome.INVITATION_DECLINED, PARTNER, null, null),
                Arguments.of(MeetingOutcome.INVITATION_DECLINED, DECLINED, null, null),
                Arguments.of(MeetingOutcome.INVITATION_DECLINED, CLOSED, null, null),
                Arguments.of(MeetingOutcome.INVITATION_UNANSWERED, INVITED, DECLINED, null),
                Arguments.of(MeetingOutcome.INVITATION_UNANSWERED, EXPLORING, null, null),
                Arguments.of(MeetingOutcome.INVITATION_UNANSWERED, CLOSED, null, null));
    }

    @ParameterizedTest
    @MethodSource("table")
    void outcomesMoveForwardOnly(MeetingOutcome outcome, RelationshipStage current, RelationshipStage whenNewer, RelationshipStage whenOlder) {
        assertThat(outcome.target(current, true).orElse(null)).as("%s from %s, newer", outcome, current).isEqualTo(whenNewer);
        assertThat(outcome.target(current, false).orElse(null)).as("%s from %s, older", outcome, current).isEqualTo(whenOlder);
    }

    @ParameterizedTest
    @EnumSource(MeetingOutcome.class)
    void everyPathIsMadeOfLegalMoves(MeetingOutcome outcome) {
        for (RelationshipStage current : RelationshipStage.values()) {
            for (boolean newer : new boolean[] { true, false }) {
                outcome.target(current, newer).ifPresent(target -> {
                    List<RelationshipStage> path = MeetingOutcome.path(current, target);
                    assertThat(path).isNotEmpty().last().isEqualTo(target);
                    RelationshipStage at = current;
                    for (RelationshipStage next : path) {
                        StageMachine.check(at, next, "a reason");
                        at = next;
                    }
                });
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aHeldDiscoveryTakesAProspectThroughInvitedAndADeclinedContactReopensFirst() {
        assertThat(MeetingOutcome.path(PROSPECT, EXPLORING)).containsExactly(INVITED, EXPLORING);
        assertThat(MeetingOutcome.path(DECLINED, QUALIFYING)).containsExactly(PROSPECT, INVITED, EXPLORING, QUALIFYING);
        assertThat(MeetingOutcome.path(INVITED, DECLINED)).containsExactly(DECLINED);
    }
}
