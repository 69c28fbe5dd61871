package dev.rapport.meetings.touchpoint;

/** How the owner was in touch with a contact. */
public enum TouchpointKind {
    CALL,
    EMAIL,
    MESSAGE,
    SOCIAL,
    OTHER
}
