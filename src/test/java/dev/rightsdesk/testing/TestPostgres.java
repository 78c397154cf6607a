package dev.rightsdesk.testing;

import dev.rightsdesk.platform.embedded.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * One real PostgreSQL per test JVM for plain JUnit tests that need only a database (the connector engines):
 * the one {@link EmbeddedEnginesTestResource} started if a {@code @QuarkusTest} ran first, else its own.
 */
public final class TestPostgres {

    private static EmbeddedPostgresServer own;

    private TestPostgres() {
    }

    public static synchronized EmbeddedPostgresServer get() {
        if (EmbeddedEnginesTestResource.postgres() != null) {
            return EmbeddedEnginesTestResource.postgres();
        }
        if (own == null) {
            try {
                own = new EmbeddedPostgresServer(Files.createTempDirectory("rightsdesk-pg-").resolve("postgres"),
                        EmbeddedEnginesTestResource.freePort(), false);
                own.start();
                Runtime.getRuntime().addShutdownHook(new Thread(own::close, "test-postgres-shutdown"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return own;
    }
}
