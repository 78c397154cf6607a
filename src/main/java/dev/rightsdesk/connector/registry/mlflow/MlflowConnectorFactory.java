package dev.rightsdesk.connector.registry.mlflow;

import dev.rightsdesk.connector.spi.ConnectorFactory;
import dev.rightsdesk.connector.spi.ConnectorSettings;
import dev.rightsdesk.connector.spi.DataStoreConnector;
import dev.rightsdesk.connector.spi.InvalidConnectorConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** Makes {@code connector.type: mlflow} engines: an MLflow model registry over its REST API. */
@ApplicationScoped
public class MlflowConnectorFactory implements ConnectorFactory {

    public static final String TYPE = "mlflow";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public DataStoreConnector create(ConnectorSettings settings) throws InvalidConnectorConfig {
        return new MlflowConnector(MlflowSettings.from(settings));
    }
}
