package dev.rightsdesk.connector.files;

import dev.rightsdesk.connector.spi.ConnectorFactory;
import dev.rightsdesk.connector.spi.ConnectorSettings;
import dev.rightsdesk.connector.spi.DataStoreConnector;
import dev.rightsdesk.connector.spi.InvalidConnectorConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** Makes {@code connector.type: files} engines: a folder of Parquet or JSONL shards. */
@ApplicationScoped
public class FilesConnectorFactory implements ConnectorFactory {

    public static final String TYPE = "files";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public DataStoreConnector create(ConnectorSettings settings) throws InvalidConnectorConfig {
        return new FilesConnector(FilesSettings.from(settings));
    }
}
