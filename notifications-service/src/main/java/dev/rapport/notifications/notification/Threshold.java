package dev.rapport.notifications.notification;

/**
 * How far a rule's condition has gone for its subject. A rule raises at most one open
 * notification per threshold, and a later threshold supersedes (resolves) an earlier one.
 */
public enum Threshold {
    /** The condition holds: time to act. */
    DUE,
    /** It has held for longer still: the nudge escalates. */
    OVERDUE
}
