package dev.rightsdesk.platform.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rightsdesk.testing.EmbeddedEnginesTestResource;
import dev.rightsdesk.testing.TopicReader;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * R1: the service is killed (SIGKILL) between the database commit and the publish, then restarted: every event is
 * published, none twice in effect. Runs the packaged service ({@code target/quarkus-app/quarkus-run.jar}) as a
 * subprocess against real PostgreSQL and Kafka started in this JVM: first with the relay switched off (tickets are
 * committed, their events wait in the outbox) and killed; then with the relay on and killed as soon as the first
 * events reach the topic (some were sent but not yet marked); then once more until everything is published.
 */
class OutboxCrashIT {

    private static final Logger LOG = Logger.getLogger(OutboxCrashIT.class);
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void everyEventIsPublishedAfterAKillAndEachEffectHappensOnce() throws Exception {
        EmbeddedEnginesTestResource.startEngines();
        int port = freePort();
        List<String> tickets = new ArrayList<>();

        Process first = start(port, false, 1);
        try {
            awaitStarted(port);
            for (int i = 0; i < 30; i++) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/requests"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"type\": \"ERASURE\", \"subject\": {\"email\": \"crash"
                                + i + "@example.org\"}, \"details\": {}}")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(202);
                Matcher m = ID.matcher(r.body());
                assertThat(m.find()).isTrue();
                tickets.add(m.group(1));
            }
            assertThat(count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND event_key = ANY(?)", tickets))
                    .as("committed, not yet published").isEqualTo(tickets.size());
        } finally {
            kill(first);
        }

        Process second = start(port, true, 2);
        try {
            Set<String> wanted = new HashSet<>(tickets);
            TopicReader.readUntil("dsr.ticket-events", Duration.ofSeconds(90),
                    rs -> rs.stream().anyMatch(r -> wanted.contains(r.key())));
        } finally {
            kill(second); // mid-relay: some events sent, perhaps not yet marked published
        }

        Process third = start(port, true, 3);
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                    count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND event_key = ANY(?)", tickets) == 0);
            long rows = count("SELECT count(*) FROM outbox_event WHERE event_key = ANY(?)", tickets);
            Set<String> wanted = new HashSet<>(tickets);
            List<ConsumerRecord<String, String>> records = TopicReader.readUntil("dsr.ticket-events", Duration.ofSeconds(60),
                    rs -> eventIds(rs, wanted).size() >= rows);
            Set<String> published = eventIds(records, wanted);
            long onTopic = records.stream().filter(r -> wanted.contains(r.key())).count();
            LOG.infof("R1: %d events for %d tickets, %d records on the topic (%d sent twice)", rows, tickets.size(),
                    onTopic, onTopic - published.size());
            assertThat(published).as("every event published").hasSize((int) rows);
            // effects once: the subject-notice consumer applied each ticket's received event exactly once. The killed
            // instance's consumer stays in the group until its session times out (45 s), so allow for the rebalance.
            await().atMost(Duration.ofSeconds(150)).until(() ->
                    count("SELECT count(*) FROM subject_notice WHERE kind = 'received' AND ticket_id::text = ANY(?)", tickets)
                            >= tickets.size());
            assertThat(count("SELECT count(*) FROM subject_notice WHERE kind = 'received' AND ticket_id::text = ANY(?)", tickets))
                    .isEqualTo(tickets.size());
        } finally {
            kill(third);
        }
    }

    static Set<String> eventIds(List<ConsumerRecord<String, String>> records, Set<String> tickets) {
        Pattern ceId = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
        return records.stream().filter(r -> tickets.contains(r.key()) && r.value() != null).map(r -> {
            Matcher m = ceId.matcher(r.value());
            return m.find() ? m.group(1) : "";
        }).collect(Collectors.toSet());
    }

    private Process start(int port, boolean relay, int run) throws IOException {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        assertThat(jar).as("the packaged service (mvn package before integration-test)").exists();
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", EmbeddedEnginesTestResource.postgres().jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("KAFKA_BOOTSTRAP_SERVERS", EmbeddedEnginesTestResource.bootstrapServers());
        env.put("RIGHTSDESK_EMBEDDED_ENABLED", "false");
        env.put("RIGHTSDESK_OUTBOX_RELAY_ENABLED", String.valueOf(relay));
        env.put("RIGHTSDESK_CRYPTO_ACTIVE_KEY_ID", "k1");
        env.put("RIGHTSDESK_CRYPTO_KEYS_K1", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        env.put("RIGHTSDESK_CRYPTO_BLIND_INDEX_KEY", "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=");
        env.put("RIGHTSDESK_TRAINING_EXCLUSIONS_HMAC_KEY", "QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl8=");
        // every request comes from 127.0.0.1, and no SMTP server runs here
        env.put("RIGHTSDESK_RATE_LIMIT_SUBMIT_PER_CLIENT", "1000000/10m");
        env.put("RIGHTSDESK_RATE_LIMIT_SUBMIT_PER_EMAIL", "1000000/10m");
        env.put("QUARKUS_MAILER_MOCK", "true");
        // a test run of the packaged service: mock mailer and local links are intended (SubjectReachGuard)
        env.put("RIGHTSDESK_SUBJECT_PRODUCTION_CHECKS", "false");
        // production mode requires the staff sign-in cookie's key (SessionKeyGuard); a throw-away one for the test
        env.put("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", "it-only-session-key-0123456789abcdefghijklmnop");
        // the core service is under test: the bundled demo systems' built-in connectors need the embedded demo_shop
        env.put("RIGHTSDESK_CONNECTORS_ENABLED", "false");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toString());
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        pb.redirectOutput(Path.of("target/outbox-crash-" + run + ".log").toFile());
        return pb.start();
    }

    private void awaitStarted(int port) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300)).ignoreExceptions().until(() ->
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/started")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    }

    /** SIGKILL: no shutdown hook, no graceful close of the relay or the producer. */
    private static void kill(Process p) throws InterruptedException {
        p.destroyForcibly();
        p.waitFor();
    }

    private static long count(String sql, List<String> ids) throws SQLException {
        try (Connection c = DriverManager.getConnection(EmbeddedEnginesTestResource.postgres().jdbcUrl(), "postgres", "");
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
