package dev.rightsdesk.testing;

import dev.rightsdesk.platform.embedded.EmbeddedKafkaBroker;
import dev.rightsdesk.platform.embedded.EmbeddedPostgresServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts one real PostgreSQL and one real Kafka broker per test JVM, on free ports, and points every
 * {@code @QuarkusTest} at them. Tests that stop and restart an engine reach it through {@link #postgres()}
 * and {@link #kafka()}.
 */
@QuarkusTestResource(value = EmbeddedEnginesTestResource.class, restrictToAnnotatedClass = false)
public class EmbeddedEnginesTestResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgresServer postgres;
    private static EmbeddedKafkaBroker kafka;

    @Override
    public synchronized Map<String, String> start() {
        startEngines();
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(),
                "quarkus.datasource.username", EmbeddedPostgresServer.USER,
                "quarkus.datasource.password", "",
                "kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    /** Starts the engines once per JVM; they stop when the JVM exits. */
    public static synchronized void startEngines() {
        if (postgres != null) {
            return;
        }
        try {
            Path dir = Files.createTempDirectory("rightsdesk-test-");
            postgres = new EmbeddedPostgresServer(dir.resolve("postgres"), freePort(), false);
            postgres.start();
            kafka = new EmbeddedKafkaBroker(dir.resolve("kafka"), freePort(), freePort());
            kafka.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                kafka.close();
                postgres.close();
            }, "test-engines-shutdown"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // kept for the next test class's application; stopped by the JVM shutdown hook
    }

    public static EmbeddedPostgresServer postgres() {
        return postgres;
    }

    public static EmbeddedKafkaBroker kafka() {
        return kafka;
    }

    public static String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
