package dev.rapport.meetings.timeline;

/** What a timeline entry is. */
public enum TimelineKind {
    /** A one-to-one, at the time that matters for its status (held, scheduled, answered, cancelled). */
    ONE_TO_ONE,
    TOUCHPOINT,
    /** A networking event the contact was met at, at its start. */
    NETWORKING_EVENT
}
