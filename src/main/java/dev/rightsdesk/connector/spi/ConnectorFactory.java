package dev.rightsdesk.connector.spi;

/**
 * Makes engines of one type ({@code sql}, {@code iceberg}, {@code files}, {@code oci}, {@code mlflow}). Factories are
 * CDI beans; the runtime picks one by the {@code connector.type} of a system in the systems file.
 */
public interface ConnectorFactory {

    /** The value of {@code connector.type} this factory serves. */
    String type();

    /** Builds the engine for one system; does not need to reach the store yet ({@link DataStoreConnector#validate()} does). */
    DataStoreConnector create(ConnectorSettings settings) throws InvalidConnectorConfig;
}
