package dev.rightsdesk.connector.iceberg;

import dev.rightsdesk.connector.spi.ConnectorFactory;
import dev.rightsdesk.connector.spi.ConnectorSettings;
import dev.rightsdesk.connector.spi.DataStoreConnector;
import dev.rightsdesk.connector.spi.InvalidConnectorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntConsumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.jdbc.JdbcCatalog;

/** Makes {@code connector.type: iceberg} engines: one JDBC catalog per system. */
@ApplicationScoped
public class IcebergConnectorFactory implements ConnectorFactory {

    public static final String TYPE = "iceberg";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public DataStoreConnector create(ConnectorSettings settings) throws InvalidConnectorConfig {
        return create(settings, attempt -> { });
    }

    /** With a hook that runs before each rewrite commit (tests use it to commit concurrently). */
    IcebergConnector create(ConnectorSettings settings, IntConsumer beforeCommit) throws InvalidConnectorConfig {
        IcebergSettings s = IcebergSettings.from(settings);
        return new IcebergConnector(s, catalog(s.catalogName(), s.catalogUri(), s.catalogUser(), s.catalogPassword(),
                s.warehouse().toAbsolutePath().toString()), beforeCommit);
    }

    /** A JDBC catalog on the given database; it creates its own two tables there on first use. */
    public static JdbcCatalog catalog(String name, String uri, String user, String password, String warehouse) {
        Map<String, String> props = new HashMap<>();
        props.put(CatalogProperties.URI, uri);
        props.put(CatalogProperties.WAREHOUSE_LOCATION, warehouse);
        props.put(JdbcCatalog.PROPERTY_PREFIX + "user", user);
        props.put(JdbcCatalog.PROPERTY_PREFIX + "password", password);
        // V1 keeps views out of the catalog table; we only need tables
        props.put(JdbcCatalog.PROPERTY_PREFIX + "schema-version", "V1");
        JdbcCatalog catalog = new JdbcCatalog();
        catalog.setConf(new Configuration());
        catalog.initialize(name, props);
        return catalog;
    }
}
