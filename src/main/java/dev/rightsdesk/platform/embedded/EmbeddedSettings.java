package dev.rightsdesk.platform.embedded;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Settings of the embedded engines, read before Quarkus starts (so not through {@code @ConfigMapping}):
 * each key is looked up as a system property, then as its environment variable
 * ({@code rightsdesk.embedded.data-dir} becomes {@code RIGHTSDESK_EMBEDDED_DATA_DIR}).
 */
public record EmbeddedSettings(
        boolean enabled,
        Path dataDir,
        int postgresPort,
        boolean postgresDurable,
        int kafkaPort,
        int kafkaControllerPort,
        boolean externalDatabase,
        boolean externalKafka) {

    /** Default port of the embedded PostgreSQL; not 5432, so that it never collides with an installed server. */
    public static final int DEFAULT_POSTGRES_PORT = 15432;
    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 9093;

    /** Every key read here; the Kubernetes manifest check accepts them as configuration the application reads. */
    public static final java.util.List<String> KEYS = java.util.List.of(
            "rightsdesk.embedded.enabled", "rightsdesk.embedded.data-dir", "rightsdesk.embedded.postgres.port",
            "rightsdesk.embedded.postgres.durable", "rightsdesk.embedded.kafka.port",
            "rightsdesk.embedded.kafka.controller-port");

    public static EmbeddedSettings fromEnvironment() {
        return new EmbeddedSettings(
                Boolean.parseBoolean(lookup("rightsdesk.embedded.enabled").orElse("true")),
                Path.of(lookup("rightsdesk.embedded.data-dir").orElse("data")).toAbsolutePath(),
                Integer.parseInt(lookup("rightsdesk.embedded.postgres.port").orElse(String.valueOf(DEFAULT_POSTGRES_PORT))),
                Boolean.parseBoolean(lookup("rightsdesk.embedded.postgres.durable").orElse("true")),
                Integer.parseInt(lookup("rightsdesk.embedded.kafka.port").orElse(String.valueOf(DEFAULT_KAFKA_PORT))),
                Integer.parseInt(lookup("rightsdesk.embedded.kafka.controller-port")
                        .orElse(String.valueOf(DEFAULT_KAFKA_CONTROLLER_PORT))),
                lookup("quarkus.datasource.jdbc.url").isPresent(),
                lookup("kafka.bootstrap.servers").isPresent());
    }

    public boolean startPostgres() {
        return enabled && !externalDatabase;
    }

    public boolean startKafka() {
        return enabled && !externalKafka;
    }

    static Optional<String> lookup(String key) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            value = System.getenv(key.toUpperCase().replaceAll("[^A-Z0-9]", "_"));
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
