package dev.rightsdesk.connector.spi;

/**
 * An engine serving one connected system: it acts on the system's data store and proves what it did.
 * Implementations must be safe to call again with the same command (the runtime delivers at least once) and
 * must check after an erasure or rectification that no old value of the subject is left (evidence, not a claim).
 */
public interface DataStoreConnector extends AutoCloseable {

    /**
     * Carries out one command.
     *
     * @throws ConnectorFailure when the store cannot be reached or the work cannot be done; the runtime answers
     *         FAILED with its reason and retryable flag
     */
    ConnectorResult execute(ConnectorCommand command, Progress progress) throws ConnectorFailure;

    /** Checks the configuration against the live store at start (schema, tables, columns). */
    default void validate() throws InvalidConnectorConfig {
    }

    @Override
    default void close() {
    }
}
