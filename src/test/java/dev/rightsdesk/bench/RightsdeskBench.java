package dev.rightsdesk.bench;

import dev.rightsdesk.platform.embedded.EmbeddedKafkaBroker;
import dev.rightsdesk.platform.embedded.EmbeddedPostgresServer;
import dev.rightsdesk.ticket.TicketGauges;
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
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The numbers in docs/performance.md, measured in one run on one machine: {@code ./mvnw -B verify -Pbench}. Not part
 * of the normal build. PostgreSQL (durable commits: fsync and synchronous_commit on) and Kafka run in this JVM and
 * stand in for external ones; the service runs as the packaged jar in its own process; pgbench measures the raw
 * insert work on the same PostgreSQL. Results go to {@code target/bench/results.md}.
 */
class RightsdeskBench {

    static final Path OUT = Path.of("target/bench");
    final StringBuilder report = new StringBuilder();
    final HttpClient http = HttpClient.newHttpClient();

    /** -Drightsdesk.bench.quick=true: start and intake only (for profiling), no overdue scan, no embedded start. */
    static final boolean QUICK = Boolean.getBoolean("rightsdesk.bench.quick");

    @Test
    void measure() throws Exception {
        Files.createDirectories(OUT);
        Path dir = Files.createTempDirectory("rightsdesk-bench-");
        int pgPort = freePort();
        EmbeddedPostgresServer postgres = new EmbeddedPostgresServer(dir.resolve("postgres"), pgPort, true);
        EmbeddedKafkaBroker kafka = new EmbeddedKafkaBroker(dir.resolve("kafka"), freePort(), freePort());
        line("# Rightsdesk benchmark run");
        line("machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + ", Java "
                + System.getProperty("java.version") + "; PostgreSQL durable (fsync=on, synchronous_commit=on)");
        if (!QUICK) {
            // First, on a quiet machine: after the overdue scan PostgreSQL is still writing 1.25 million rows out.
            Thread.sleep(10_000); // and the packaging build's own writes settle
            embeddedStart();
        }
        postgres.start();
        kafka.start();
        try {
            int port = freePort();
            double closedRate;
            Map<String, String> env = serviceEnvironment(postgres, kafka);
            Process app = start(port, env, dir.resolve("app-external.log"), CONTAINER_JVM);
            try {
                double ready = awaitReady(port);
                Thread.sleep(5_000);
                line("## Start with external PostgreSQL and Kafka (JVM as in the Kubernetes container: 768 MiB, MaxRAMPercentage=70, Serial GC; %s)", load());
                line("- time to ready: %.2f s; resident memory 5 s after ready: %d MB", ready, rssMb(app));
                LoadGenerator load = new LoadGenerator("http://127.0.0.1:" + port + "/api/v1/requests");
                load.closedLoop(8, Duration.ofSeconds(15)); // warm-up: JIT, pools
                line("- resident memory after warm-up load: %d MB", rssMb(app));
                line("## Intake, durable commits (%s)", load());
                LoadGenerator.OpenResult open = load.openLoop(500, Duration.ofSeconds(30));
                line("- open loop, 500 req/s for 30 s: %s", open);
                LoadGenerator.Result closed = load.closedLoop(32, Duration.ofSeconds(20));
                line("- closed loop, 32 concurrent clients, 20 s (sustained maximum): %s", closed);
                line("- resident memory after the load: %d MB", rssMb(app));
                closedRate = closed.rate();
            } finally {
                app.destroy();
                app.waitFor();
            }
            // After the service stopped: its relay would otherwise publish pgbench's outbox rows.
            double pgbench = pgbench(postgres);
            line("- pgbench, the same insert work (%s), 8 clients, 20 s: %.0f tps", PGBENCH_WORK, pgbench);
            line("- ratio intake / raw insert rate: %.2f", closedRate / pgbench);
            if (!QUICK) {
                overdueScan(postgres);
            }
        } finally {
            kafka.close();
            postgres.close();
        }
        Files.writeString(OUT.resolve("results.md"), report.toString());
        System.out.println(report);
    }

    /** Time to ready with embedded defaults: first start on an empty data folder, then a restart on it. */
    void embeddedStart() throws Exception {
        Path data = Files.createTempDirectory("rightsdesk-bench-embedded-");
        line("## Start with embedded defaults (embedded PostgreSQL and Kafka, demo systems; %s)", load());
        for (String run : List.of("first start (empty data folder)", "restart (existing data)")) {
            int port = freePort();
            Map<String, String> env = Map.of("RIGHTSDESK_EMBEDDED_DATA_DIR", data.toString(),
                    "RIGHTSDESK_EMBEDDED_POSTGRES_PORT", String.valueOf(freePort()),
                    "RIGHTSDESK_EMBEDDED_KAFKA_PORT", String.valueOf(freePort()),
                    "RIGHTSDESK_EMBEDDED_KAFKA_CONTROLLER_PORT", String.valueOf(freePort()));
            Process app = start(port, env, OUT.resolve("app-embedded.log"));
            try {
                line("- %s: ready after %.2f s", run, awaitReady(port));
            } finally {
                app.destroy();
                app.waitFor();
            }
        }
    }

    /** 1,000,000 open tickets (and 250,000 closed ones), then the overdue scan of the metrics, by the partial index. */
    void overdueScan(EmbeddedPostgresServer postgres) throws Exception {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", ""); Statement s = c.createStatement()) {
            long t0 = System.nanoTime();
            s.execute("INSERT INTO ticket (id, type, status, subject_email_enc, subject_email_hash, received_at, received_on,"
                    + " member_state, zone, nominal_due, due_date, extended_nominal_due, extended_due, effective_due)"
                    + " SELECT gen_random_uuid(), 'ACCESS', CASE WHEN g % 5 = 0 THEN 'COMPLETED' ELSE"
                    + " (ARRAY['IDENTITY_UNVERIFIED','PENDING_REVIEW','IN_PROGRESS','AWAITING_SYSTEMS'])[1 + g % 4] END,"
                    + " 'x', md5(g::text), now(), current_date, 'NL', 'Europe/Amsterdam', d, d, d + 60, d + 60, d"
                    // due dates spread over the coming three months, a few days overdue: a busy but healthy queue
                    + " FROM generate_series(1, 1250000) g, LATERAL (SELECT current_date - 3 + (g % 93) AS d) due");
            s.execute("VACUUM ANALYZE ticket");
            line("## Overdue scan (%s)", load());
            line("- inserted 1,250,000 tickets (1,000,000 open, due dates spread over 3 months, 3 %% overdue) with"
                    + " generate_series, then VACUUM ANALYZE, in %.1f s", (System.nanoTime() - t0) / 1e9);
            LocalDate today = LocalDate.now();
            // the query the metrics run, with its parameters (today, today, today + at-risk days) as literals
            String query = TicketGauges.OVERDUE_QUERY.replaceFirst("\\?", "DATE '" + today + "'")
                    .replaceFirst("\\?", "DATE '" + today + "'").replaceFirst("\\?", "DATE '" + today.plusDays(7) + "'");
            List<Double> times = new ArrayList<>();
            String plan = "";
            for (int i = 0; i < 6; i++) {
                StringBuilder p = new StringBuilder();
                try (ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + query)) {
                    while (rs.next()) {
                        p.append(rs.getString(1)).append('\n');
                    }
                }
                plan = p.toString();
                Matcher m = Pattern.compile("Execution Time: ([0-9.]+) ms").matcher(plan);
                if (m.find() && i > 0) {
                    times.add(Double.parseDouble(m.group(1)));
                }
            }
            times.sort(Double::compare);
            line("- query: `%s`", query);
            line("- execution time, median of 5 warm runs: %.1f ms (min %.1f, max %.1f)", times.get(times.size() / 2),
                    times.get(0), times.get(times.size() - 1));
            line("```\n%s```", plan);
        }
    }

    /**
     * The service's JVM as the Kubernetes Deployment runs it: a 768 MiB memory limit (MaxRAM stands in for the
     * container's limit), 70 % of it for the heap, Serial GC (what the JVM itself picks in such a container).
     */
    static final String[] CONTAINER_JVM = {"-XX:MaxRAM=768m", "-XX:MaxRAMPercentage=70", "-XX:+UseSerialGC",
        "-XX:+ExitOnOutOfMemoryError"};

    /** The environment of the packaged service against the benchmark's engines, as an operator would set it. */
    static Map<String, String> serviceEnvironment(EmbeddedPostgresServer postgres, EmbeddedKafkaBroker kafka) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("RIGHTSDESK_EMBEDDED_ENABLED", "false");
        env.put("RIGHTSDESK_CRYPTO_ACTIVE_KEY_ID", "k1");
        env.put("RIGHTSDESK_CRYPTO_KEYS_K1", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        env.put("RIGHTSDESK_CRYPTO_BLIND_INDEX_KEY", "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=");
        env.put("RIGHTSDESK_TRAINING_EXCLUSIONS_HMAC_KEY", "QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl8=");
        // the load comes from one address (127.0.0.1), and no SMTP server runs here
        env.put("RIGHTSDESK_RATE_LIMIT_SUBMIT_PER_CLIENT", "100000000/10m");
        env.put("RIGHTSDESK_RATE_LIMIT_SUBMIT_PER_EMAIL", "100000000/10m");
        env.put("QUARKUS_MAILER_MOCK", "true");
        env.put("RIGHTSDESK_SUBJECT_PRODUCTION_CHECKS", "false"); // mock mailer, local links: intended here
        return env;
    }

    /** What one submission writes, as pgbench replays it. */
    static final String PGBENCH_WORK = "rate-limit upsert of two counters without waiting for the disk; then in one durable"
            + " transaction the ticket, its history row, status link, verification code, outbox event and audit entry";
    /** The audit entry of the submission's ticket event (sealed into the chain later, off the request path). */
    static final String AUDIT_INSERT = "INSERT INTO audit_pending (at, ticket_id, kind, name, actor, content)"
            + " VALUES (now(), gen_random_uuid(), 'EVENT', 'received', 'subject', repeat('a', 230));";

    double pgbench(EmbeddedPostgresServer postgres) throws Exception {
        Path script = OUT.resolve("intake.pgbench.sql");
        Files.writeString(script, String.join("\n",
                // the rate-limit hit: its own transaction, not waiting for the disk (RateLimiter)
                "BEGIN;",
                "SET LOCAL synchronous_commit TO OFF;",
                "INSERT INTO rate_limit_counter (bucket, window_start, hits) VALUES ('submit:client:bench', date_trunc('hour', now()), 1),"
                        + " ('submit:email:' || md5(random()::text), date_trunc('hour', now()), 1)"
                        + " ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_counter.hits + 1;",
                "COMMIT;",
                // the submission: one durable transaction
                "BEGIN;",
                "WITH t AS (INSERT INTO ticket (id, type, status, locale, subject_email_enc, subject_email_hash, subject_name_enc,"
                        + " subject_identifiers_enc, details_enc, received_at, received_on, member_state, zone, nominal_due, due_date,"
                        + " extended_nominal_due, extended_due, effective_due, request_fingerprint, status_token_hash)"
                        + " VALUES (gen_random_uuid(), 'ACCESS', 'IDENTITY_UNVERIFIED', 'en', repeat('e', 80), md5(random()::text),"
                        + " repeat('n', 60), repeat('i', 80), repeat('d', 40), now(), current_date, 'NL', 'Europe/Amsterdam',"
                        + " current_date + 30, current_date + 30, current_date + 90, current_date + 90, current_date + 30,"
                        + " md5(random()::text), md5(random()::text)) RETURNING id),",
                " h AS (INSERT INTO ticket_status_change (ticket_id, to_status, actor, at) SELECT id, 'IDENTITY_UNVERIFIED', 'subject', now() FROM t),",
                " l AS (INSERT INTO subject_status_link (ticket_id, token_enc, created_at) SELECT id, repeat('s', 90), now() FROM t),",
                " c AS (INSERT INTO verification_code (id, ticket_id, purpose, code_hash, created_at, expires_at)"
                        + " SELECT gen_random_uuid(), id, 'IDENTITY', md5(random()::text), now(), now() + interval '10 minutes' FROM t)",
                "INSERT INTO outbox_event (id, topic, event_key, type, payload, created_at) SELECT gen_random_uuid(),"
                        + " 'dsr.ticket-events', id::text, 'dev.rightsdesk.ticket.received.v1', repeat('p', 600), now() FROM t;",
                AUDIT_INSERT,
                "COMMIT;", ""));
        Process p = new ProcessBuilder("pgbench", "-h", "127.0.0.1", "-p", String.valueOf(postgres.port()), "-U", "postgres",
                "-n", "-c", "8", "-j", "2", "-T", "20", "-f", script.toString(), "rightsdesk")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        Files.writeString(OUT.resolve("pgbench.txt"), out);
        Matcher m = Pattern.compile("tps = ([0-9.]+)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("pgbench said: " + out);
        }
        return Double.parseDouble(m.group(1));
    }

    Process start(int port, Map<String, String> env, Path log, String... jvm) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(jvm));
        if (Boolean.getBoolean("rightsdesk.bench.jfr")) {
            // -Drightsdesk.bench.jfr=true: a Flight Recorder profile of the service, next to its log
            String name = log.getFileName().toString().replace(".log", ".jfr");
            command.add("-XX:FlightRecorderOptions=stackdepth=256");
            command.add("-XX:StartFlightRecording=settings=profile,filename=" + OUT.resolve(name).toAbsolutePath());
        }
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        pb.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        return pb.start();
    }

    /** Seconds from now (just after the process was started) until readiness answers 200. */
    double awaitReady(int port) throws Exception {
        long t0 = System.nanoTime();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build();
        while (System.nanoTime() - t0 < Duration.ofSeconds(180).toNanos()) {
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - t0) / 1e9;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("not ready after 180 s");
    }

    static long rssMb(Process p) throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/" + p.pid() + "/status"))) {
            if (l.startsWith("VmRSS:")) {
                return Long.parseLong(l.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    static String load() {
        try {
            return "load average " + Files.readString(Path.of("/proc/loadavg")).trim().split(" ", 4)[0];
        } catch (IOException e) {
            return "load average unknown";
        }
    }

    void line(String format, Object... args) {
        report.append(args.length == 0 ? format : String.format(format, args)).append('\n');
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
