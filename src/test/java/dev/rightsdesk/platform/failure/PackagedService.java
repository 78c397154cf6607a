package dev.rightsdesk.platform.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rightsdesk.testing.EmbeddedEnginesTestResource;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One packaged service ({@code target/quarkus-app/quarkus-run.jar}) as a child process against the engines of the
 * test JVM, with its log in {@code target/<name>.log}: for tests that stop or kill it as an operator or a crash would.
 */
final class PackagedService implements AutoCloseable {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final int port;
    final Path log;
    private final Process process;

    private PackagedService(int port, Path log, Process process) {
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts the service with the test keys, no verification or review step, and {@code extra} environment. */
    static PackagedService start(String name, Map<String, String> extra) throws IOException {
        EmbeddedEnginesTestResource.startEngines();
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        assertThat(jar).as("the packaged service (mvn package before integration-test)").exists();
        int port = freePort();
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", EmbeddedEnginesTestResource.postgres().jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("KAFKA_BOOTSTRAP_SERVERS", EmbeddedEnginesTestResource.bootstrapServers());
        env.put("RIGHTSDESK_EMBEDDED_ENABLED", "false");
        // production mode requires the staff sign-in cookie's key (SessionKeyGuard); a throw-away one for the test
        env.put("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", "it-only-session-key-0123456789abcdefghijklmnop");
        // the core service is under test: the bundled demo systems' built-in connectors need the embedded demo_shop
        env.put("RIGHTSDESK_CONNECTORS_ENABLED", "false");
        env.put("RIGHTSDESK_CRYPTO_ACTIVE_KEY_ID", "k1");
        env.put("RIGHTSDESK_CRYPTO_KEYS_K1", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        env.put("RIGHTSDESK_CRYPTO_BLIND_INDEX_KEY", "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=");
        env.put("RIGHTSDESK_TRAINING_EXCLUSIONS_HMAC_KEY", "QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl8=");
        env.put("RIGHTSDESK_RATE_LIMIT_SUBMIT_PER_CLIENT", "1000000/10m");
        env.put("RIGHTSDESK_RATE_LIMIT_SUBMIT_PER_EMAIL", "1000000/10m");
        env.put("QUARKUS_MAILER_MOCK", "true");
        env.put("RIGHTSDESK_SUBJECT_PRODUCTION_CHECKS", "false");
        env.put("RIGHTSDESK_INTAKE_VERIFICATION_REQUIRED", "false");
        env.put("RIGHTSDESK_REVIEW_APPROVAL_REQUIRED", "false");
        env.putAll(extra);
        Path log = Path.of("target/" + name + ".log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toString());
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        PackagedService service = new PackagedService(port, log, pb.start());
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(300)).ignoreExceptions().until(() ->
                service.get("/q/health/started") == 200);
        return service;
    }

    int get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** Submits a request; returns the ticket id. */
    String submit(String type, String email) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/requests"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\": \"" + type + "\", \"subject\": {\"email\": \"" + email
                        + "\"}, \"details\": {}}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(202);
        Matcher m = ID.matcher(r.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** SIGTERM, as Kubernetes stops a pod; returns how long the process took to exit. */
    Duration stop(Duration atMost) throws InterruptedException {
        long start = System.nanoTime();
        process.destroy();
        boolean exited = process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (!exited) {
            process.destroyForcibly().waitFor();
        }
        return took;
    }

    /** SIGKILL: no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    boolean alive() {
        return process.isAlive();
    }

    long logSize() throws IOException {
        return Files.size(log);
    }

    /** The log lines written after {@code offset} bytes. */
    List<String> logSince(long offset) throws IOException {
        byte[] all = Files.readAllBytes(log);
        String text = new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                java.nio.charset.StandardCharsets.UTF_8);
        return List.of(text.split("\n"));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop(Duration.ofSeconds(30));
        }
    }

    static long count(String sql, Object... params) throws SQLException {
        return ((Number) rows(sql, params).get(0).get(0)).longValue();
    }

    /** Rows of a query against the test database; a List parameter is bound as a text array. */
    static List<List<Object>> rows(String sql, Object... params) throws SQLException {
        try (Connection c = DriverManager.getConnection(EmbeddedEnginesTestResource.postgres().jdbcUrl(), "postgres", "");
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof List<?> list) {
                    s.setArray(i + 1, c.createArrayOf("text", list.toArray()));
                } else {
                    s.setObject(i + 1, params[i]);
                }
            }
            List<List<Object>> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        row.add(rs.getObject(i));
                    }
                    out.add(row);
                }
            }
            return out;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
