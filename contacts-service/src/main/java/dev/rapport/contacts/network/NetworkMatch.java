package dev.rapport.contacts.network;

/** Why a contact is in a search answer. */
public enum NetworkMatch {
    /** Their own profile matches: they serve (or are) the market searched for. */
    SERVES,
    /** They know, one connection away, contacts whose profile matches. */
    KNOWS
}
