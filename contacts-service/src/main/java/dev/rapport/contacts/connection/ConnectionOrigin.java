package dev.rapport.contacts.connection;

/** How two contacts came to be connected. */
public enum ConnectionOrigin {
    /** The owner recorded that they know each other. */
    MANUAL,
    /** One introduced the other, or the owner introduced them, in a meeting. */
    INTRODUCTION
}
