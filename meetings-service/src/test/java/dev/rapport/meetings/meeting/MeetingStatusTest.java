package dev.rapport.meetings.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MeetingStatusTest {

    @Test
    void onlyAScheduledMeetingMovesOn() {
        assertThat(MeetingStatus.SCHEDULED.canMoveTo(MeetingStatus.HELD)).isTrue();
        assertThat(MeetingStatus.SCHEDULED.canMoveTo(MeetingStatus.CANCELLED)).isTrue();
        assertThat(MeetingStatus.SCHEDULED.canMoveTo(MeetingStatus.SCHEDULED)).isFalse();
        for (MeetingStatus next : MeetingStatus.values()) {
            assertThat(MeetingStatus.HELD.canMoveTo(next)).as("HELD to %s", next).isFalse();
            assertThat(MeetingStatus.CANCELLED.canMoveTo(next)).as("CANCELLED to %s", next).isFalse();
        }
    }
}
