package dev.rightsdesk.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rightsdesk.fanout.results.Outcome;
import dev.rightsdesk.fanout.results.TaskResult;
import dev.rightsdesk.fanout.results.TaskResultParser;
import dev.rightsdesk.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The built-in worker of {@code people} (test-table engine on a real table), seen from the outside exactly as
 * Rightsdesk sees any connector: commands on {@code dsr.tasks.people}, results on {@code dsr.task-results} that the
 * result contract's own parser accepts.
 */
@QuarkusTest
@TestProfile(ConnectorTestProfile.class)
public class ConnectorRuntimeTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final TaskResultParser CONTRACT = new TaskResultParser(262144, 64);
    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    TaskLog log;

    @AfterEach
    void openTarget() throws SQLException {
        TestTableConnectorFactory.hold = new CountDownLatch(0);
        admin("ALTER DATABASE " + ConnectorTestProfile.DATABASE + " ALLOW_CONNECTIONS true");
    }

    @Test
    void accessIsAnsweredOnTheResultsTopicWithThePublicContract() throws Exception {
        target("INSERT INTO people (email, customer_no, name) VALUES ('ada.runtime@example.org', 'R-1', 'Ada')");
        UUID task = UUID.randomUUID();
        UUID ticket = UUID.randomUUID();
        send(command(UUID.randomUUID().toString(), task, ticket, "ACCESS", 1, "ada.runtime@example.org", null));

        List<ConsumerRecord<String, String>> results = finalResults(task, 1);
        ConsumerRecord<String, String> record = results.get(results.size() - 1);
        assertThat(record.key()).isEqualTo(ticket.toString());
        TaskResult result = CONTRACT.parse(record.value());
        assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(result.source()).isEqualTo("/rightsdesk/connectors/people");
        assertThat(result.ticketId()).isEqualTo(ticket);
        assertThat(result.answer().path("people")).hasSize(1);
        assertThat(result.answer().path("people").get(0).path("name").asText()).isEqualTo("Ada");
        assertThat(JSON.readTree(record.value()).path("data").path("evidence").path("people").path("found").asInt()).isEqualTo(1);
    }

    @Test
    void theSameCommandTwiceIsExecutedOnce() throws Exception {
        target("INSERT INTO people (email, name) VALUES ('twice@example.org', 'Twice')");
        UUID task = UUID.randomUUID();
        String command = command(UUID.randomUUID().toString(), task, UUID.randomUUID(), "ERASURE", 1, "twice@example.org", null);
        send(command);
        send(command);

        finalResults(task, 1);
        // give the second delivery every chance to do harm
        Thread.sleep(1500);
        assertThat(finalResults(task, 1)).hasSize(1);
        assertThat(CONTRACT.parse(finalResults(task, 1).get(0).value()).outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(log.find(task).orElseThrow().executions()).isEqualTo(1);
    }

    @Test
    void aTargetThatIsDownAnswersFailedRetryableAndTheResendCompletes() throws Exception {
        target("INSERT INTO people (email, name) VALUES ('outage@example.org', 'Outage')");
        admin("ALTER DATABASE " + ConnectorTestProfile.DATABASE + " ALLOW_CONNECTIONS false");
        admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + ConnectorTestProfile.DATABASE + "'");
        UUID task = UUID.randomUUID();
        UUID ticket = UUID.randomUUID();
        send(command(UUID.randomUUID().toString(), task, ticket, "ERASURE", 1, "outage@example.org", null));

        TaskResult failed = CONTRACT.parse(finalResults(task, 1).get(0).value());
        assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.reason()).contains("database unavailable").doesNotContain("outage@example.org");

        admin("ALTER DATABASE " + ConnectorTestProfile.DATABASE + " ALLOW_CONNECTIONS true");
        send(command(UUID.randomUUID().toString(), task, ticket, "ERASURE", 2, "outage@example.org", null));
        TaskResult completed = CONTRACT.parse(finalResults(task, 2).get(1).value());
        assertThat(completed.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(completed.attempt()).isEqualTo(2);
        assertThat(count("outage@example.org")).isZero();
    }

    @Test
    void slowWorkIsAcknowledgedFirstThenAnswered() throws Exception {
        target("INSERT INTO people (email, name) VALUES ('slow@example.org', 'Slow')");
        TestTableConnectorFactory.hold = new CountDownLatch(1);
        UUID task = UUID.randomUUID();
        send(command(UUID.randomUUID().toString(), task, UUID.randomUUID(), "ACCESS", 1, "slow@example.org", null));

        List<ConsumerRecord<String, String>> ack = TopicReader.readUntil("dsr.task-results", WAIT,
                rs -> !ofTask(rs, task).isEmpty());
        assertThat(CONTRACT.parse(ofTask(ack, task).get(0).value()).outcome()).isEqualTo(Outcome.ACKNOWLEDGED);
        TestTableConnectorFactory.hold.countDown();

        List<ConsumerRecord<String, String>> all = TopicReader.readUntil("dsr.task-results", WAIT,
                rs -> ofTask(rs, task).size() >= 2);
        List<Outcome> outcomes = ofTask(all, task).stream().map(r -> CONTRACT.parse(r.value()).outcome()).toList();
        assertThat(outcomes).containsExactly(Outcome.ACKNOWLEDGED, Outcome.COMPLETED);
    }

    @Test
    void anUnverifiedCustomerNumberPullsInNothing() throws Exception {
        target("INSERT INTO people (email, customer_no, name) VALUES ('victim@example.org', 'V-77', 'Victim')");
        UUID task = UUID.randomUUID();
        send(command(UUID.randomUUID().toString(), task, UUID.randomUUID(), "ACCESS", 1, "intruder@example.org", "V-77"));

        TaskResult result = CONTRACT.parse(finalResults(task, 1).get(0).value());
        assertThat(result.outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(result.answer()).isNull();
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    /** A command as Rightsdesk writes it (docs/events.md); the customer number, when given, is not verified. */
    static String command(String eventId, UUID task, UUID ticket, String action, int attempt, String email, String customerNo) {
        ObjectNode event = JSON.createObjectNode().put("specversion", "1.0").put("id", eventId).put("source", "/rightsdesk")
                .put("type", "dev.rightsdesk.task." + action.toLowerCase() + ".v1").put("subject", task.toString())
                .put("time", Instant.now().toString()).put("datacontenttype", "application/json");
        ObjectNode data = event.putObject("data").put("taskId", task.toString()).put("ticketId", ticket.toString())
                .put("systemKey", "people").put("action", action).put("attempt", attempt)
                .put("replyTopic", "dsr.task-results");
        ObjectNode subject = data.putObject("subject").put("email", email);
        ObjectNode verified = subject.putObject("verified").put("email", true);
        if (customerNo != null) {
            subject.putObject("identifiers").put("customerId", customerNo);
            verified.put("customerId", false);
        }
        if ("ERASURE".equals(action)) {
            data.put("ground", "17(1)(a)");
        }
        return event.toString();
    }

    static void send(String command) throws Exception {
        JsonNode data = JSON.readTree(command).path("data");
        TopicReader.send("dsr.tasks." + data.path("systemKey").asText(), data.path("ticketId").asText(), command);
    }

    /** The results of a task other than ACKNOWLEDGED, waiting until {@code count} are there. */
    static List<ConsumerRecord<String, String>> finalResults(UUID task, int count) {
        List<ConsumerRecord<String, String>> records = TopicReader.readUntil("dsr.task-results", WAIT,
                rs -> finals(rs, task).size() >= count);
        List<ConsumerRecord<String, String>> finals = finals(records, task);
        assertThat(finals).as("final results of the task").hasSizeGreaterThanOrEqualTo(count);
        return finals;
    }

    static List<ConsumerRecord<String, String>> finals(List<ConsumerRecord<String, String>> records, UUID task) {
        return ofTask(records, task).stream().filter(r -> !r.value().contains("\"outcome\":\"ACKNOWLEDGED\"")).toList();
    }

    static List<ConsumerRecord<String, String>> ofTask(List<ConsumerRecord<String, String>> records, UUID task) {
        return records.stream().filter(r -> r.value().contains("\"taskId\":\"" + task + "\"")).toList();
    }

    public static void target(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(ConnectorTestProfile.url(), "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static long count(String email) throws SQLException {
        try (Connection c = DriverManager.getConnection(ConnectorTestProfile.url(), "postgres", "");
                var s = c.prepareStatement("SELECT count(*) FROM people WHERE email = ?")) {
            s.setString(1, email);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(ConnectorTestProfile.adminUrl(), "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
