package dev.rightsdesk.platform.abuse;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rightsdesk.system.ConnectedSystem;
import dev.rightsdesk.system.SystemRegistry;
import dev.rightsdesk.testing.EmbeddedEnginesTestResource;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/**
 * A canary subject (unique e-mail address, name and customer id) goes through the flow: submitted (and a few
 * refused submissions with it), verified, which puts it on the training-exclusion list, approved, which fans it out
 * to the connected systems. Its values then appear in no log line, no metric, and no record on any topic in the clear;
 * the task commands of the systems that declared they look subjects up by an identifier carry it encrypted.
 */
@QuarkusTest
@org.junit.jupiter.api.Order(Integer.MAX_VALUE - 12) // after the feature tests: its tickets and dead letters stay out of their way
class CanaryTest {

    @Inject
    TicketService tickets;
    @Inject
    SystemRegistry registry;
    @Inject
    EntityManager em;
    @Inject
    dev.rightsdesk.platform.crypto.TicketKeys keys;

    static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

    /** Collects every log record the application emits while the test runs, formatted as it would be logged. */
    static final class Capture extends Handler {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void publish(LogRecord r) {
            String message = r instanceof ExtLogRecord ext ? ext.getFormattedMessage() : String.valueOf(r.getMessage());
            StringBuilder line = new StringBuilder(r.getLoggerName() + " " + message);
            if (r.getThrown() != null) {
                StringWriter trace = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(' ').append(trace);
            }
            lines.add(line.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void theCanaryAppearsNowhereButEncryptedInTheTaskCommandsThatNeedIt() throws Exception {
        String tag = HexFormat.of().formatHex(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8), 0, 6);
        String email = "canary-" + tag + "@canary-rightsdesk.example";
        String name = "Canary Person " + tag;
        String customerId = "CANARY-" + tag;
        Capture capture = new Capture();
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        try {
            String body = "{\"type\": \"OBJECTION\", \"subject\": {\"email\": \"" + email + "\", \"name\": \"" + name
                    + "\", \"identifiers\": {\"customerId\": \"" + customerId + "\"}}, \"details\": {\"basis\": \"LEGITIMATE_INTEREST\","
                    + " \"purposes\": [\"ai-training\"], \"grounds\": \"" + name + " objects\"}}";
            // refused submissions carrying the canary: errors never echo it, nor log it
            for (String bad : List.of(body.replace("LEGITIMATE_INTEREST", "SOMETIMES"), body.replace("\"details\"", "\"detail\""),
                    body.replace(email, email + "@@"), body + "}")) {
                String answer = given().contentType(ContentType.JSON).body(bad).post("/api/v1/requests")
                        .then().statusCode(400).extract().asString();
                assertThat(answer).doesNotContain(email, name, customerId);
            }
            String id = given().contentType(ContentType.JSON).body(body).post("/api/v1/requests")
                    .then().statusCode(202).extract().path("id");
            assertThat(given().get("/api/v1/requests/" + id).asString()).doesNotContain(email, name, customerId);
            UUID ticketId = UUID.fromString(id);
            QuarkusTransaction.requiringNew().run(() -> tickets.verify(Ticket.findById(ticketId), TicketService.SUBJECT, "code confirmed"));
            QuarkusTransaction.requiringNew().run(() -> tickets.approve(Ticket.findById(ticketId), "officer", "approved"));
            await().atMost(Duration.ofSeconds(60)).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em
                    .createNativeQuery("SELECT count(*) FROM outbox_event WHERE published_at IS NULL").getSingleResult()).longValue()) == 0);
            long commands = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    // by key: the payload is encrypted at rest (OutboxEvent.payload, issue 6)
                    "SELECT count(*) FROM outbox_event WHERE topic LIKE 'dsr.tasks.%' AND event_key = ?1")
                    .setParameter(1, id).getSingleResult()).longValue());
            assertThat(commands).as("the ticket was fanned out").isPositive();

            Map<String, List<String>> topics = new java.util.TreeMap<>();
            for (String topic : List.of("dsr.ticket-events", "dsr.ticket-events.dlq", "dsr.task-results", "dsr.task-results.dlq",
                    "dsr.training-exclusions", "openlineage.events", "openlineage.events.dlq")) {
                topics.put(topic, readAll(topic));
            }
            assertThat(topics.get("dsr.ticket-events")).as("the ticket's events were read").anyMatch(r -> r.contains(id));
            topics.forEach((topic, records) -> assertThat(records).as("records on %s", topic)
                    .noneMatch(r -> containsAny(r, email, name, customerId)));

            boolean emailSent = false;
            for (ConnectedSystem system : registry.all()) {
                List<String> records = readAll(system.topic()).stream().filter(r -> r.contains(id)).collect(Collectors.toList());
                boolean needsEmail = system.identityTypes().contains("email");
                // Not even the systems that need it see the canary in the clear: it travels encrypted with the
                // ticket's data key (crypto-shredding, ADR 0006) and opens only with that key.
                assertThat(records).as("commands to %s", system.key()).noneMatch(r -> containsAny(r, email, name, customerId));
                for (String record : records) {
                    var data = MAPPER.readTree(record.substring(record.indexOf('{'))).path("data");
                    assertThat(data.path("subject").has("email")).as("%s gets the e-mail address only if declared",
                            system.key()).isEqualTo(needsEmail);
                    var opened = keys.decryptFields(ticketId, data);
                    emailSent |= needsEmail && email.equals(opened.path("subject").path("email").asText());
                    assertThat(opened.path("subject").has("name")).as("no system needs the name").isFalse();
                    assertThat(opened.path("subject").path("identifiers").has("customerId"))
                            .as("%s gets the customer id only if declared", system.key())
                            .isEqualTo(system.identityTypes().contains("customerId"));
                }
            }
            assertThat(emailSent).as("the canary reached the systems that need it (the check can see it)").isTrue();

            assertThat(given().get("/q/metrics").asString()).doesNotContain(email, name, customerId);
        } finally {
            root.removeHandler(capture);
        }
        assertThat(capture.lines).as("log lines captured").isNotEmpty();
        assertThat(capture.lines).as("log lines").noneMatch(l -> containsAny(l, email, name, customerId));
    }

    static boolean containsAny(String text, String email, String name, String customerId) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains(email.toLowerCase(Locale.ROOT)) || text.contains(name) || text.contains(customerId);
    }

    /** Every record on {@code topic} from the beginning to its current end: key, headers and value as one string. */
    static List<String> readAll(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedEnginesTestResource.bootstrapServers());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<String> out = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            var infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos == null || infos.isEmpty()) {
                return out;
            }
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition()))
                    .collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    StringBuilder sb = new StringBuilder(String.valueOf(r.key())).append(' ');
                    for (Header h : r.headers()) {
                        sb.append(h.key()).append('=').append(new String(h.value() == null ? new byte[0] : h.value(),
                                StandardCharsets.UTF_8)).append(' ');
                    }
                    out.add(sb.append(r.value()).toString());
                }
            }
        }
        return out;
    }
}
