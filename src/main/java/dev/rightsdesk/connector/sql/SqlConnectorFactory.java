package dev.rightsdesk.connector.sql;

import dev.rightsdesk.connector.spi.ConnectorFactory;
import dev.rightsdesk.connector.spi.ConnectorSettings;
import dev.rightsdesk.connector.spi.DataStoreConnector;
import dev.rightsdesk.connector.spi.InvalidConnectorConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Makes SQL engines ({@code connector: {type: sql, ...}}) for PostgreSQL and MariaDB/MySQL data stores; the keys
 * of the block and the dataset mapping format are in {@code docs/connectors.md}, "SQL connector".
 */
@ApplicationScoped
public class SqlConnectorFactory implements ConnectorFactory {

    public static final String TYPE = "sql";

    @Override
    public String type() {
        return TYPE;
    }

    /** Reads the settings and the mapping file (file errors are reported here, schema errors by validate()). */
    @Override
    public DataStoreConnector create(ConnectorSettings settings) throws InvalidConnectorConfig {
        SqlSettings sql = SqlSettings.from(settings);
        SqlMapping mapping = SqlMappingParser.load(sql.dataset(), settings.baseDir());
        return new SqlConnector(sql, mapping);
    }
}
