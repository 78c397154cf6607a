package dev.rightsdesk.connector.sql;

import dev.rightsdesk.connector.spi.ConnectorCommand;
import dev.rightsdesk.connector.spi.ConnectorFailure;
import dev.rightsdesk.connector.spi.ConnectorResult;
import dev.rightsdesk.connector.spi.DataStoreConnector;
import dev.rightsdesk.connector.spi.InvalidConnectorConfig;
import dev.rightsdesk.connector.spi.Progress;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * The SQL engine for one system: every command runs in one transaction on one connection, is proven by evidence,
 * and is rolled back when it is a dry run or when its own check finds the subject's data still there.
 */
public final class SqlConnector implements DataStoreConnector {

    private static final Logger LOG = Logger.getLogger(SqlConnector.class);

    private final SqlSettings settings;
    private final SqlMapping mapping;
    private final Database database;
    private final Masker masker;
    private volatile ResolvedSchema schema;

    SqlConnector(SqlSettings settings, SqlMapping mapping) {
        this.settings = settings;
        this.mapping = mapping;
        this.database = new Database(settings);
        this.masker = new Masker(settings.hashKey());
    }

    @Override
    public void validate() throws InvalidConnectorConfig {
        Connection c;
        try {
            c = database.open();
        } catch (ConnectorFailure e) {
            throw new InvalidConnectorConfig("system '" + settings.systemKey() + "': the mapping " + settings.dataset()
                    + " cannot be checked against the data store: " + e.getMessage(), e);
        }
        try {
            schema = SchemaCheck.resolve(mapping, new SchemaCatalog(c));
            if (schema.orderHasCycle()) {
                LOG.warnf("system %s: the foreign keys between mapped tables form a cycle; erasure follows the file's"
                        + " order for the tables in it", settings.systemKey());
            }
        } catch (SQLException e) {
            throw new InvalidConnectorConfig("system '" + settings.systemKey() + "': reading the schema failed: "
                    + Database.failure("reading the schema", e).getMessage(), e);
        } finally {
            database.release(c);
        }
    }

    @Override
    public ConnectorResult execute(ConnectorCommand command, Progress progress) throws ConnectorFailure {
        boolean dryRun = command.dryRun() || settings.dryRun();
        Evidence evidence = new Evidence(command, database.dialect().name().toLowerCase(Locale.ROOT),
                settings.dataset(), dryRun);
        Connection c = database.open();
        SqlRunner sql = new SqlRunner(c, database.statementTimeoutSeconds());
        boolean committed = false;
        try {
            ResolvedSchema resolved = schema(c);
            ConnectorResult result = switch (command.action()) {
                case ACCESS -> new SqlReads(resolved, sql, evidence).access(command);
                case RECTIFICATION -> new SqlCorrections(resolved, sql, evidence).rectify(command);
                case ERASURE -> new SqlErasure(resolved, sql, evidence, masker).erase(command);
                case OBJECTION -> new SqlObjections(resolved, sql, evidence).object(command);
            };
            boolean changes = command.action() != ConnectorCommand.Action.ACCESS;
            if (dryRun || result.outcome() == ConnectorResult.Outcome.FAILED || !changes) {
                c.rollback();
            } else {
                c.commit();
                committed = true;
            }
            evidence.finish(sql, committed);
            LOG.debugf("system %s task %s: %s %s in %s", settings.systemKey(), command.taskId(), command.action(),
                    result.outcome(), evidence.root().path("durationMs"));
            return result;
        } catch (SQLException e) {
            rollbackQuietly(c);
            ConnectorFailure failure = Database.failure("running " + command.action().name().toLowerCase(Locale.ROOT), e);
            LOG.warnf("system %s task %s: %s", settings.systemKey(), command.taskId(), failure.getMessage());
            throw failure;
        } finally {
            database.release(c);
        }
    }

    private ResolvedSchema schema(Connection c) throws SQLException, ConnectorFailure {
        ResolvedSchema known = schema;
        if (known != null) {
            return known;
        }
        try {
            known = SchemaCheck.resolve(mapping, new SchemaCatalog(c));
        } catch (InvalidConnectorConfig e) {
            LOG.errorf("system %s: %s", settings.systemKey(), e.getMessage());
            // the schema no longer fits the mapping: retrying will not help until someone fixes one of them
            throw new ConnectorFailure("the mapping does not match the data store's schema; see the connector log", false);
        }
        schema = known;
        return known;
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is probably gone, which rolls back too
        }
    }
}
