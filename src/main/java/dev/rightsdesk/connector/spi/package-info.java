/**
 * The service-provider interface between the connector runtime (Rightsdesk's own Kafka workers, which speak
 * the public task contract of {@code docs/events.md}) and the engines that act on one kind of data store
 * (SQL databases, Iceberg tables, file datasets, model registries).
 *
 * <p>An engine sees a decoded {@link dev.rightsdesk.connector.spi.ConnectorCommand} and returns a
 * {@link dev.rightsdesk.connector.spi.ConnectorResult}; it knows nothing of Kafka, CloudEvents or Rightsdesk's
 * own tables. The runtime owns idempotency, acknowledgements, chunking and retries.
 */
package dev.rightsdesk.connector.spi;
