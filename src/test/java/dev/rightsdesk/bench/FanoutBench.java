package dev.rightsdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rightsdesk.platform.embedded.EmbeddedKafkaBroker;
import dev.rightsdesk.platform.embedded.EmbeddedPostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Fan-out end to end: {@value #TICKETS} tickets to {@value #SYSTEMS} connected systems that answer at once, until
 * every ticket is READY_FOR_RESPONSE; lost and duplicated effects counted in the database. The systems are one
 * Kafka consumer in this JVM that answers every command on the ten task topics with NOT_FOUND.
 * {@code ./mvnw -B verify -Pbench}; results appended to {@code target/bench/results.md}.
 */
class FanoutBench {

    static final int TICKETS = Integer.getInteger("rightsdesk.bench.tickets", 10_000);
    static final int SYSTEMS = 10;
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void tenThousandTicketsToTenSystems() throws Exception {
        RightsdeskBench bench = new RightsdeskBench();
        Files.createDirectories(RightsdeskBench.OUT);
        Path dir = Files.createTempDirectory("rightsdesk-fanout-bench-");
        EmbeddedPostgresServer postgres = new EmbeddedPostgresServer(dir.resolve("postgres"), RightsdeskBench.freePort(), true);
        EmbeddedKafkaBroker kafka = new EmbeddedKafkaBroker(dir.resolve("kafka"), RightsdeskBench.freePort(), RightsdeskBench.freePort());
        postgres.start();
        kafka.start();
        Path systems = RightsdeskBench.OUT.resolve("systems-10.yaml");
        StringBuilder yaml = new StringBuilder("systems:\n");
        List<String> topics = new ArrayList<>();
        for (int i = 1; i <= SYSTEMS; i++) {
            yaml.append("  - key: bench-").append(i).append("\n    displayName: Bench system ").append(i)
                    .append("\n    kind: DATABASE\n    requestTypes: [ACCESS, RECTIFICATION, ERASURE, OBJECTION]\n    identityTypes: [email]\n")
                    .append("    dataCategories: [bench]\n    purposes: [bench]\n    retention: none\n    source: bench\n")
                    .append("    recipients: []\n    replyDeadline: P5D\n");
            topics.add("dsr.tasks.bench-" + i);
        }
        Files.writeString(systems, yaml);
        AtomicBoolean answering = new AtomicBoolean(true);
        AtomicLong answered = new AtomicLong();
        Thread responder = new Thread(() -> respond(kafka.bootstrapServers(), topics, answering, answered), "bench-systems");
        try {
            responder.start();
            int port = RightsdeskBench.freePort();
            Map<String, String> env = RightsdeskBench.serviceEnvironment(postgres, kafka);
            env.put("RIGHTSDESK_SYSTEMS_FILE", systems.toAbsolutePath().toString());
            env.put("RIGHTSDESK_INTAKE_VERIFICATION_REQUIRED", "false");
            env.put("RIGHTSDESK_REVIEW_APPROVAL_REQUIRED", "false");
            Process app = bench.start(port, env, RightsdeskBench.OUT.resolve("app-fanout.log"), RightsdeskBench.CONTAINER_JVM);
            try {
                bench.awaitReady(port);
                LoadGenerator load = new LoadGenerator("http://127.0.0.1:" + port + "/api/v1/requests");
                long t0 = System.nanoTime();
                LoadGenerator.Result intake = load.closedLoop(16, Duration.ofSeconds(3600), TICKETS);
                double submitted = (System.nanoTime() - t0) / 1e9;
                long ready;
                long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
                do {
                    Thread.sleep(500);
                    ready = count(postgres, "SELECT count(*) FROM ticket WHERE status = 'READY_FOR_RESPONSE'");
                } while (ready < TICKETS && System.nanoTime() < deadline);
                double total = (System.nanoTime() - t0) / 1e9;
                long tickets = count(postgres, "SELECT count(*) FROM ticket");
                long tasks = count(postgres, "SELECT count(*) FROM task");
                long unfinished = count(postgres, "SELECT count(*) FROM task WHERE completed_at IS NULL");
                long duplicated = count(postgres, "SELECT count(*) FROM outbox_event"
                        + " WHERE type = 'dev.rightsdesk.ticket.task-answered.v1'") - (tasks - unfinished);
                long readyTwice = count(postgres, "SELECT count(*) FROM (SELECT ticket_id FROM ticket_status_change"
                        + " WHERE to_status = 'READY_FOR_RESPONSE' GROUP BY ticket_id HAVING count(*) > 1) d");
                bench.line("## Fan-out: %,d tickets x %d systems answering at once", TICKETS, SYSTEMS);
                bench.line("- intake of the %,d tickets (16 clients): %s", TICKETS, intake);
                bench.line("- all submitted after %.1f s; %,d of %,d tickets READY_FOR_RESPONSE after %.1f s from the first submission",
                        submitted, ready, tickets, total);
                bench.line("- tasks: %,d (expected %,d); commands answered by the systems: %,d; tasks without a final answer: %,d",
                        tasks, (long) TICKETS * SYSTEMS, answered.get(), unfinished);
                bench.line("- lost: %,d tickets not ready; duplicated effects: %,d task answers announced more than once, %,d tickets made ready twice",
                        tickets - ready, duplicated, readyTwice);
                bench.line("- resident memory of the service at the end: %d MB", RightsdeskBench.rssMb(app));
            } finally {
                app.destroy();
                app.waitFor();
            }
        } finally {
            answering.set(false);
            responder.join(10_000);
            kafka.close();
            postgres.close();
        }
        Files.writeString(RightsdeskBench.OUT.resolve("results-fanout.md"), bench.report.toString());
        System.out.println(bench.report);
    }

    /** The ten systems: every command is answered NOT_FOUND at once, as the command's attempt. */
    static void respond(String bootstrap, List<String> topics, AtomicBoolean running, AtomicLong answered) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-systems");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        try (var consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer());
                var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            consumer.subscribe(topics);
            while (running.get()) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    try {
                        JsonNode data = JSON.readTree(record.value()).path("data");
                        ObjectNode result = JSON.createObjectNode().put("specversion", "1.0").put("id", UUID.randomUUID().toString())
                                .put("source", "/systems/" + data.path("systemKey").asText())
                                .put("type", "dev.rightsdesk.task.result.v1").put("subject", data.path("taskId").asText())
                                .put("datacontenttype", "application/json");
                        result.putObject("data").put("taskId", data.path("taskId").asText())
                                .put("ticketId", data.path("ticketId").asText()).put("attempt", data.path("attempt").asInt())
                                .put("outcome", "NOT_FOUND");
                        producer.send(new ProducerRecord<>("dsr.task-results", data.path("ticketId").asText(), result.toString()));
                        answered.incrementAndGet();
                    } catch (Exception e) {
                        // not a command: ignore
                    }
                }
            }
        }
    }

    static long count(EmbeddedPostgresServer postgres, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "");
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
