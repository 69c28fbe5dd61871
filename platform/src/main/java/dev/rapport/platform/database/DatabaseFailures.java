package dev.rapport.platform.database;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/** Tells a failure that passes (the database restarting or busy) from one that does not. */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /**
     * Whether a failure comes from the database being unavailable or from a conflict with
     * another transaction: SQL states of classes 08 (connection), 40 (rollback: deadlock,
     * serialization), 53 (insufficient resources) and 57 (operator intervention, e.g. shutdown),
     * and SQL errors without a state, which is how the pool reports that no connection came.
     */
    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                return state == null || state.startsWith("08") || state.startsWith("40")
                        || state.startsWith("53") || state.startsWith("57");
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
