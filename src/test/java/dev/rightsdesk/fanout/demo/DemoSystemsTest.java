package dev.rightsdesk.fanout.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rightsdesk.fanout.Task;
import dev.rightsdesk.fanout.TaskDatasetVersion;
import dev.rightsdesk.fanout.TaskModelVersion;
import dev.rightsdesk.fanout.TaskState;
import dev.rightsdesk.testing.DemoProfile;
import dev.rightsdesk.testing.Requests;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketService;
import dev.rightsdesk.ticket.TicketStatus;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The in-JVM demo systems, real Kafka consumers and producers, carry a request to ready-for-response by themselves. */
@QuarkusTest
@TestProfile(DemoProfile.class)
class DemoSystemsTest {

    /** The embedded run's demo systems, switched on for this test. */
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

    /** Submits a request, then verifies and approves it as the subject and an officer would. */
    static UUID submit(String type, String details, String identifiers) {
        UUID id = Requests.of(type).email("demo.visitor@example.org").identifiers(identifiers).details(details).submit();
        QuarkusTransaction.requiringNew().run(() -> {
            TicketService tickets = Arc.container().instance(TicketService.class).get();
            tickets.verify(tickets.get(id), TicketService.SUBJECT, "code confirmed");
            tickets.approve(tickets.get(id), "officer", "demo");
        });
        return id;
    }

    static Ticket ticket(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>findById(id));
    }
}
