package dev.rapport.meetings.meeting;

/** What a one-to-one meeting is for. */
public enum MeetingStage {
    /** Stage 1: find common points of connection and ask who they know. */
    DISCOVERY,
    /** Stage 2: openly about a referral relationship and each side's reservations. */
    REFERRAL_FIT,
    /** Staying in touch with an existing relationship. */
    CHECK_IN
}
