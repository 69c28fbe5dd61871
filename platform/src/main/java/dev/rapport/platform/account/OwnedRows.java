package dev.rapport.platform.account;

/**
 * The rows of one table that belong to an account: {@code condition} is SQL on the table, aliased
 * {@code t}, with the account's id as the parameter {@code :owner}; for example
 * {@code t.owner_id = :owner}, or, for a table that only references an owned one,
 * {@code t.meeting_id in (select id from meeting where owner_id = :owner)}.
 */
public record OwnedRows(String table, String condition) {

    /** The rows whose {@code owner_id} is the account. */
    public static OwnedRows byOwner(String table) {
        return new OwnedRows(table, "t.owner_id = :owner");
    }
}
