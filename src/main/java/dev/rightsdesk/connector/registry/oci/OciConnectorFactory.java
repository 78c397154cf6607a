package dev.rightsdesk.connector.registry.oci;

import dev.rightsdesk.connector.spi.ConnectorFactory;
import dev.rightsdesk.connector.spi.ConnectorSettings;
import dev.rightsdesk.connector.spi.DataStoreConnector;
import dev.rightsdesk.connector.spi.InvalidConnectorConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** Makes {@code connector.type: oci} engines: model versions as OCI artifacts in a registry. */
@ApplicationScoped
public class OciConnectorFactory implements ConnectorFactory {

    public static final String TYPE = "oci";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public DataStoreConnector create(ConnectorSettings settings) throws InvalidConnectorConfig {
        return new OciConnector(OciSettings.from(settings));
    }
}
