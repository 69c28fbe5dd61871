package dev.rapport.meetings.meeting;

/** Where a one-to-one meeting stands. Only a scheduled meeting moves on, once. */
public enum MeetingStatus {
    SCHEDULED,
    HELD,
    CANCELLED;

    public boolean canMoveTo(MeetingStatus next) {
        return this == SCHEDULED && next != SCHEDULED;
    }
}
