package dev.rightsdesk.fanout.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rightsdesk.fanout.Task;
import dev.rightsdesk.fanout.TaskDatasetVersion;
import dev.rightsdesk.fanout.TaskModelVersion;
import dev.rightsdesk.fanout.TaskState;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The in-JVM demo systems, real Kafka consumers and producers, carry a request to ready-for-response by themselves. */
@QuarkusTest
@TestProfile(DemoSystemsTest.DemoProfile.class)
class DemoSystemsTest {

    /** The embedded run's demo systems, switched on for this test. */
    public static class DemoProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new java.util.HashMap<>(dev.rightsdesk.connector.ConnectorTestProfile.demoConnectors());
            config.putAll(Map.of(
                    "rightsdesk.intake.verification-required", "false",
                    "rightsdesk.review.approval-required", "false",
                    "rightsdesk.demo.enabled", "true",
                    "rightsdesk.demo.reply-delay", "0.2s"));
            return config;
        }
    }

    @Test
    void anAccessRequestGoesAllTheWayThroughTheDemoSystems() throws Exception {
        UUID ticketId = submit("ACCESS", "{}", "{\"customerId\": \"C-4242\"}");

        await().atMost(Duration.ofSeconds(60)).until(() -> ticket(ticketId).status == TicketStatus.READY_FOR_RESPONSE);

        List<Task> tasks = QuarkusTransaction.requiringNew().call(() -> Task.forTicket(ticketId));
        assertThat(tasks).extracting(t -> t.systemKey + ":" + t.state).containsExactlyInAnyOrder(
                "crm:COMPLETED", "newsletter:COMPLETED", "training-corpus:COMPLETED", "model-registry:COMPLETED");
        // crm and newsletter: the built-in worker (here on the test engine; the SQL connector on demo_shop in the run)
        Task crm = tasks.stream().filter(t -> t.systemKey.equals("crm")).findFirst().orElseThrow();
        var answer = new ObjectMapper().readTree(crm.answerData);
        assertThat(answer.path("people").get(0).path("email").asText()).isEqualTo("demo.visitor@example.org");
        assertThat(crm.evidence).contains("skippedUnverified");
        Task newsletter = tasks.stream().filter(t -> t.systemKey.equals("newsletter")).findFirst().orElseThrow();
        assertThat(newsletter.answerData).contains("demo.visitor@example.org");
        assertThat(tasks.stream().filter(t -> t.systemKey.startsWith("training") || t.systemKey.startsWith("model")))
                .allSatisfy(t -> assertThat(t.acknowledgedAt).isNotNull());
        assertThat(QuarkusTransaction.requiringNew().call(() -> TaskDatasetVersion.forTicket(ticketId))).hasSize(2);
        assertThat(QuarkusTransaction.requiringNew().call(() -> TaskModelVersion.forTicket(ticketId)))
                .extracting(m -> m.modelName + ":" + m.modelVersion).containsExactly("recommender:3.1.0", "recommender:3.2.0");
    }

    @org.junit.jupiter.api.BeforeAll
    static void theVisitorIsACustomer() throws Exception {
        try (var c = java.sql.DriverManager.getConnection(dev.rightsdesk.connector.ConnectorTestProfile.url(), "postgres", "");
                var s = c.createStatement()) {
            s.execute("INSERT INTO people (email, customer_no, name) VALUES ('demo.visitor@example.org', 'C-4242', 'Visitor')");
        }
    }

    @Test
    void aRectificationIsAppliedByTheCustomerDatabase() {
        UUID ticketId = submit("RECTIFICATION",
                "{\"corrections\": [{\"field\": \"address\", \"correctedValue\": \"Prinsengracht 2\"}]}", "{}");
        await().atMost(Duration.ofSeconds(60)).until(() -> ticket(ticketId).status == TicketStatus.READY_FOR_RESPONSE);
        Task crm = QuarkusTransaction.requiringNew().call(() -> Task.forTicket(ticketId)).get(0);
        assertThat(crm.state).isEqualTo(TaskState.COMPLETED);
        assertThat(crm.evidence).isNotNull();
    }

    static UUID submit(String type, String details, String identifiers) {
        String body = """
                {"type": "%s", "subject": {"email": "demo.visitor@example.org", "identifiers": %s}, "details": %s}"""
                .formatted(type, identifiers, details);
        return UUID.fromString(given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/requests").then().statusCode(202).extract().path("id"));
    }

    static Ticket ticket(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>findById(id));
    }
}
