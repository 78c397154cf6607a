package dev.rightsdesk.platform.embedded;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jboss.logging.Logger;

/**
 * Starts the embedded PostgreSQL and Kafka broker that stand in for external ones when none is
 * configured (ADR 0001), and says which configuration points the application at them.
 */
public final class EmbeddedEngines implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedEngines.class);

    private final EmbeddedSettings settings;
    private EmbeddedPostgresServer postgres;
    private EmbeddedKafkaBroker kafka;

    public EmbeddedEngines(EmbeddedSettings settings) {
        this.settings = settings;
    }

    /** Starts what is needed (both engines at once) and returns the configuration the application should run with. */
    public Map<String, String> start() {
        Map<String, String> config = new LinkedHashMap<>();
        if (settings.startPostgres()) {
            postgres = new EmbeddedPostgresServer(settings.dataDir().resolve("postgres"), settings.postgresPort(),
                    settings.postgresDurable());
        }
        if (settings.startKafka()) {
            kafka = new EmbeddedKafkaBroker(settings.dataDir().resolve("kafka"), settings.kafkaPort(),
                    settings.kafkaControllerPort());
        }
        // The two engines are independent; starting them side by side saves a second or two.
        CompletableFuture<Void> kafkaStarted = kafka == null ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(kafka::start);
        try {
            if (postgres != null) {
                postgres.start();
            }
            kafkaStarted.join();
        } catch (CompletionException e) {
            close();
            throw e.getCause() instanceof RuntimeException r ? r : e;
        } catch (RuntimeException e) {
            kafkaStarted.exceptionally(t -> null).join();
            close();
            throw e;
        }
        if (postgres != null) {
            config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl());
            config.put("quarkus.datasource.username", EmbeddedPostgresServer.USER);
            config.put("quarkus.datasource.password", "");
        }
        if (kafka != null) {
            config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        }
        if (!config.isEmpty()) {
            config.put("rightsdesk.embedded.active", "true");
            config.putAll(LocalSecrets.loadOrCreate(settings.dataDir()));
        }
        return config;
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    public EmbeddedKafkaBroker kafka() {
        return kafka;
    }

    /** Stops the broker first (its clients are gone by now), then the database. */
    @Override
    public void close() {
        if (kafka != null) {
            try {
                kafka.close();
            } catch (RuntimeException e) {
                LOG.warn("Embedded Kafka broker did not stop cleanly", e);
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
