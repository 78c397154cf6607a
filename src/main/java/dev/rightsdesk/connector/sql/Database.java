package dev.rightsdesk.connector.sql;

import dev.rightsdesk.connector.spi.ConnectorFailure;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientException;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One data store: opens short-lived connections with connect and socket timeouts set, so a dead database fails a
 * command within seconds instead of hanging a worker; at most {@code maxConnections} at once. Drivers are called
 * directly rather than through DriverManager, whose class-loader checks do not fit Quarkus's class loading.
 */
final class Database {

    enum Dialect { POSTGRESQL, MARIADB }

    /** MariaDB/MySQL error codes worth retrying: lock wait timeout, deadlock, statement time exceeded. */
    private static final java.util.Set<Integer> MARIADB_TRANSIENT = java.util.Set.of(1205, 1213, 1969, 3024);

    private final SqlSettings settings;
    private final Dialect dialect;
    private final Driver driver;
    private final Semaphore permits;

    Database(SqlSettings settings) {
        this.settings = settings;
        this.dialect = settings.jdbcUrl().startsWith("jdbc:postgresql:") ? Dialect.POSTGRESQL : Dialect.MARIADB;
        this.driver = dialect == Dialect.POSTGRESQL ? new org.postgresql.Driver() : new org.mariadb.jdbc.Driver();
        this.permits = new Semaphore(settings.maxConnections(), true);
    }

    Dialect dialect() {
        return dialect;
    }

    int statementTimeoutSeconds() {
        return (int) Math.max(1, settings.statementTimeout().toSeconds());
    }

    /** A connection in manual-commit mode; {@link #release(Connection)} it when done. */
    Connection open() throws ConnectorFailure {
        try {
            if (!permits.tryAcquire(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ConnectorFailure("all " + settings.maxConnections() + " connections to the data store are busy",
                        true);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorFailure("interrupted while waiting for a connection", true, e);
        }
        try {
            Connection c = driver.connect(url(), properties());
            if (c == null) {
                throw new ConnectorFailure("the JDBC driver does not accept the configured URL", false);
            }
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            return c;
        } catch (SQLException e) {
            permits.release();
            throw failure("connecting", e);
        } catch (ConnectorFailure | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    void release(Connection c) {
        try {
            if (c != null && !c.isClosed()) {
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
                c.close();
            }
        } catch (SQLException e) {
            // the connection is gone either way; nothing of the subject's data depends on it
        } finally {
            permits.release();
        }
    }

    private String url() {
        return settings.jdbcUrl();
    }

    private Properties properties() {
        Properties p = new Properties();
        p.setProperty("user", settings.username());
        p.setProperty("password", settings.password());
        long connect = settings.connectTimeout().toMillis();
        // the socket timeout is a backstop beyond the statement timeout: a half-open TCP connection must not hang
        long socket = settings.statementTimeout().toMillis() + connect;
        if (dialect == Dialect.POSTGRESQL) {
            p.setProperty("connectTimeout", String.valueOf(Math.max(1, connect / 1000)));
            p.setProperty("loginTimeout", String.valueOf(Math.max(1, connect / 1000)));
            p.setProperty("socketTimeout", String.valueOf(Math.max(1, socket / 1000)));
            p.setProperty("ApplicationName", "rightsdesk-connector-" + settings.systemKey());
        } else {
            p.setProperty("connectTimeout", String.valueOf(connect));
            p.setProperty("socketTimeout", String.valueOf(socket));
        }
        return p;
    }

    /**
     * Turns a driver error into a failure whose reason holds no personal data: driver messages can quote values,
     * so only the step, the SQLState and the exception class are kept. Connection loss, timeouts, deadlocks and
     * serialisation failures are worth retrying; anything else (a constraint, a missing column) is not.
     */
    static ConnectorFailure failure(String step, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        boolean retryable = e instanceof SQLTransientException || e instanceof SQLRecoverableException
                || e instanceof SQLTimeoutException || state.startsWith("08") || state.startsWith("40")
                || state.startsWith("53") || state.startsWith("57") || state.equals("55P03") || state.equals("HY008")
                || state.equals("70100") || MARIADB_TRANSIENT.contains(e.getErrorCode());
        String why = switch (state.length() >= 2 ? state.substring(0, 2) : "") {
            case "08" -> "the data store cannot be reached";
            case "23" -> "a constraint of the data store refused the change";
            case "40" -> "the data store aborted the transaction (deadlock or serialisation)";
            case "42" -> "the data store refused a statement (does the mapping still match the schema?)";
            case "57" -> "the data store cancelled the statement (timeout or shutdown)";
            default -> retryable ? "the data store timed out, was busy or is unavailable" : "the data store reported an error";
        };
        return new ConnectorFailure(why + " while " + step + " (SQLState " + (state.isEmpty() ? "none" : state)
                + ", " + e.getClass().getSimpleName() + ")", retryable);
    }
}
