package dev.rightsdesk.platform.error;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Tells a database outage (no connection, server shutting down or starting) from a failure of the work itself.
 * An outage is worth waiting out: the same work will succeed once the database is back. Anything else is not.
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    /** True when {@code e}, or one of its causes, says the database could not be reached or is not accepting work. */
    public static boolean isCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && isOutageState(sql.getSQLState())) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && (message.contains("Acquisition timeout") || message.contains("Unable to acquire JDBC Connection"))) {
                return true;
            }
        }
        return false;
    }

    /** Class 08 (connection exception), 57P01-57P03 (admin or crash shutdown, cannot connect now). */
    private static boolean isOutageState(String state) {
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }
}
