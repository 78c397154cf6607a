package dev.rightsdesk.platform.failure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rightsdesk.fanout.Task;
import dev.rightsdesk.fanout.TaskState;
import dev.rightsdesk.testing.EmbeddedEnginesTestResource;
import dev.rightsdesk.testing.TopicReader;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketService;
import dev.rightsdesk.ticket.TicketStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 finding 11: the broker goes away for longer than a minute while a backlog of results, a few malformed
 * ones among them, is being applied. The results channel used to die ("waited for 64 seconds to be acknowledged",
 * TooManyMessagesWithoutAckException: the dead letter of a malformed result cannot be written while the broker is
 * down, so that record stays unacknowledged) and readiness stayed DOWN until a restart. Now every valid result is
 * applied, readiness comes back UP, and a result sent after the outage is applied too: no restart.
 */
@QuarkusTest
@Order(FailureTest.LAST - 1)
class BrokerOutageResultsTest {

    static final String RESULTS = "dsr.task-results";

    @Inject
    TicketService tickets;

    UUID fannedOut(String email) {
        String id = given().contentType(ContentType.JSON)
                .body("{\"type\": \"ACCESS\", \"subject\": {\"email\": \"" + email + "\"}, \"details\": {}}")
                .post("/api/v1/requests").then().statusCode(202).extract().path("id");
        UUID ticketId = UUID.fromString(id);
        QuarkusTransaction.requiringNew().run(() -> tickets.verify(Ticket.findById(ticketId), TicketService.SUBJECT, "code"));
        QuarkusTransaction.requiringNew().run(() -> {
            Ticket t = Ticket.findById(ticketId);
            if (t.status == TicketStatus.PENDING_REVIEW) {
                tickets.approve(t, "officer", "approved");
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> !tasks(ticketId).isEmpty());
        return ticketId;
    }

    static List<Task> tasks(UUID ticketId) {
        return QuarkusTransaction.requiringNew().call(() -> Task.forTicket(ticketId));
    }

    static long unanswered(List<UUID> ticketIds) {
        return ticketIds.stream().flatMap(t -> tasks(t).stream()).filter(t -> t.state != TaskState.NOT_FOUND).count();
    }

    @Test
    void theResultsChannelOutlivesABrokerOutageOfMoreThanAMinute() throws Exception {
        Duration outage = Duration.parse("PT" + System.getProperty("rightsdesk.failure.results-outage", "70s").toUpperCase());
        List<UUID> ticketIds = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ticketIds.add(fannedOut("outage-" + i + "@example.org"));
        }
        String marker = "outage-poison-" + UUID.randomUUID();
        List<Map.Entry<String, String>> backlog = new ArrayList<>();
        int n = 0;
        for (UUID ticketId : ticketIds) {
            for (Task task : tasks(ticketId)) {
                String value = ResultsFailureTest.result("outage-" + UUID.randomUUID(), task, "NOT_FOUND");
                for (int copy = 0; copy < 4; copy++) { // delivered more than once: a longer backlog to apply
                    backlog.add(Map.entry(ticketId.toString(), value));
                    if (++n % 10 == 0) {
                        backlog.add(Map.entry(ticketId.toString(), "{not json " + marker));
                    }
                }
            }
        }
        TopicReader.sendAll(RESULTS, backlog);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> unanswered(ticketIds) < ticketIds.size() * 4L);
        var kafka = EmbeddedEnginesTestResource.kafka();
        kafka.close();
        try {
            Thread.sleep(outage.toMillis());
        } finally {
            kafka.start();
        }
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() -> unanswered(ticketIds) == 0);
        await().atMost(Duration.ofSeconds(120)).until(() -> given().get("/q/health/ready").statusCode() == 200);
        given().get("/q/health/live").then().statusCode(200);

        // the channel is alive: a result sent now is applied without a restart
        UUID after = fannedOut("outage-after@example.org");
        for (Task task : tasks(after)) {
            TopicReader.send(RESULTS, after.toString(), ResultsFailureTest.result("outage-after-" + UUID.randomUUID(), task, "NOT_FOUND"));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> unanswered(List.of(after)) == 0);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>findById(after).status))
                .isEqualTo(TicketStatus.READY_FOR_RESPONSE);
    }
}
