package dev.rapport.meetings.meeting;

import static dev.rapport.meetings.meeting.MeetingStatus.ACCEPTED;
import static dev.rapport.meetings.meeting.MeetingStatus.CANCELLED;
import static dev.rapport.meetings.meeting.MeetingStatus.DECLINED;
import static dev.rapport.meetings.meeting.MeetingStatus.HELD;
import static dev.rapport.meetings.meeting.MeetingStatus.INVITED;
import static dev.rapport.meetings.meeting.MeetingStatus.NO_RESPONSE;
import static dev.rapport.meetings.meeting.MeetingStatus.SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.http.ProblemException;
import dev.rapport.platform.state.Transitions;

/** The one-to-one state machine as a table: every pair of statuses, allowed or not. */
class MeetingStatusTest {

    private static final Map<MeetingStatus, Set<MeetingStatus>> ALLOWED = Map.of(
            INVITED, EnumSet.of(ACCEPTED, DECLINED, NO_RESPONSE, CANCELLED),
            ACCEPTED, EnumSet.of(SCHEDULED, CANCELLED),
            SCHEDULED, EnumSet.of(SCHEDULED, HELD, CANCELLED),
            HELD, EnumSet.noneOf(MeetingStatus.class),
            DECLINED, EnumSet.noneOf(MeetingStatus.class),
            NO_RESPONSE, EnumSet.noneOf(MeetingStatus.class),
            CANCELLED, EnumSet.noneOf(MeetingStatus.class));

    @Test
    void everyMoveIsAllowedExactlyAsTheTableSays() {
        assertThat(ALLOWED).containsOnlyKeys(MeetingStatus.values());
        for (MeetingStatus from : MeetingStatus.values()) {
            for (MeetingStatus to : MeetingStatus.values()) {
                assertThat(from.canMoveTo(to)).as("%s → %s", from, to).isEqualTo(ALLOWED.get(from).contains(to));
            }
        }
    }

    @Test
    void onlyTheFirstThreeAreOpen() {
        assertThat(EnumSet.allOf(MeetingStatus.class).stream().filter(MeetingStatus::open)).containsExactly(INVITED, ACCEPTED, SCHEDULED);
    }

    @Test
    void aRefusedMoveIsA409NamingTheAllowedOnes() {
        assertThatThrownBy(() -> Transitions.check("invalid-transition", "meeting", INVITED, SCHEDULED))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(409);
                    assertThat(e.problem().detail())
                            .isEqualTo("A meeting that is INVITED cannot become SCHEDULED; allowed: ACCEPTED, DECLINED, NO_RESPONSE, CANCELLED");
                });
        assertThatThrownBy(() -> Transitions.check("invalid-transition", "meeting", HELD, CANCELLED))
                .hasMessageContaining("allowed: none, HELD is final");
    }
}
