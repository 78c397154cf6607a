package dev.rightsdesk.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real MariaDB server (Debian's {@code mariadb-server}) started in a temporary folder on a free loopback port,
 * like the embedded PostgreSQL: for tests of code that must work on MariaDB/MySQL too. {@link #stop()} and
 * {@link #start()} simulate an outage; the data survives them.
 */
public final class MariaDbServer implements AutoCloseable {

    public static final String USER = "root";
    public static final String PASSWORD = "";

    private final Path dir;
    private final int port;
    private Process process;

    private MariaDbServer(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** The server binary, or empty when Debian's mariadb-server is not installed. */
    public static Optional<Path> binary() {
        for (String candidate : List.of("/usr/sbin/mariadbd", "/usr/sbin/mysqld", "/usr/bin/mariadbd")) {
            if (new File(candidate).canExecute()) {
                return Optional.of(Path.of(candidate));
            }
        }
        return Optional.empty();
    }

    public static boolean installed() {
        return binary().isPresent() && new File("/usr/bin/mariadb-install-db").canExecute();
    }

    /** Initialises a data folder and starts the server; the caller must check {@link #installed()} first. */
    public static MariaDbServer startNew() {
        try {
            Path dir = Files.createTempDirectory("rightsdesk-mariadb-");
            MariaDbServer server = new MariaDbServer(dir, freePort());
            server.install();
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void install() throws IOException {
        run(List.of("/usr/bin/mariadb-install-db", "--no-defaults", "--datadir=" + dir.resolve("data"),
                "--auth-root-authentication-method=normal", "--user=root", "--skip-test-db"), Duration.ofMinutes(2));
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            process = new ProcessBuilder(binary().orElseThrow().toString(), "--no-defaults",
                    "--datadir=" + dir.resolve("data"), "--port=" + port, "--bind-address=127.0.0.1",
                    "--socket=" + dir.resolve("sock"), "--pid-file=" + dir.resolve("pid"), "--user=root",
                    "--skip-networking=0", "--innodb-buffer-pool-size=32M", "--innodb-log-file-size=8M",
                    "--performance-schema=0", "--skip-log-bin")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("mariadbd.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start mariadbd", e);
        }
        awaitReady();
    }

    private void awaitReady() {
        Instant until = Instant.now().plusSeconds(60);
        SQLException last = null;
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mariadbd exited; see " + dir.resolve("mariadbd.log"));
            }
            try (Connection c = DriverManager.getConnection(serverUrl(), USER, PASSWORD)) {
                return;
            } catch (SQLException e) {
                last = e;
            }
            sleep(200);
        }
        throw new IllegalStateException("mariadbd did not accept connections within 60 s", last);
    }

    /** Stops the server (the data folder stays), as a crash or maintenance would. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Creates the database if missing and answers its JDBC URL. */
    public String createDatabase(String name) {
        try (Connection c = DriverManager.getConnection(serverUrl(), USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS `" + name + "`");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + name;
    }

    private String serverUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/";
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }

    private void run(List<String> command, Duration timeout) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("install.log").toFile()).start();
        try {
            if (!p.waitFor(timeout.toSeconds(), java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("mariadb-install-db failed; see " + dir.resolve("install.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
