package dev.rightsdesk.platform.failure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rightsdesk.fanout.Task;
import dev.rightsdesk.platform.messaging.BatchApplier;
import dev.rightsdesk.testing.EmbeddedEnginesTestResource;
import dev.rightsdesk.testing.TopicReader;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketService;
import dev.rightsdesk.ticket.TicketStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Results from connected systems under failure: every result delivered twice and then the whole topic replayed
 * (R6: each effect once), and poison or malformed results (R9/R10: to {@code dsr.task-results.dlq}, counted, while
 * the channel keeps applying the good ones).
 */
@QuarkusTest
@org.junit.jupiter.api.Order(Integer.MAX_VALUE - 12) // after the feature tests: its tickets and dead letters stay out of their way
class ResultsFailureTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String RESULTS = "dsr.task-results";

    @Inject
    TicketService tickets;
    @Inject
    EntityManager em;

    /** Submits an erasure through the API, verifies and approves it: tasks go out to every system that erases. */
    UUID fannedOutTicket(String email) {
        String id = given().contentType(ContentType.JSON)
                .body("{\"type\": \"ERASURE\", \"subject\": {\"email\": \"" + email + "\"}, \"details\": {}}")
                .post("/api/v1/requests").then().statusCode(202).extract().path("id");
        UUID ticketId = UUID.fromString(id);
        QuarkusTransaction.requiringNew().run(() -> tickets.verify(Ticket.findById(ticketId), TicketService.SUBJECT, "code"));
        QuarkusTransaction.requiringNew().run(() -> {
            Ticket t = Ticket.findById(ticketId);
            if (t.status == TicketStatus.PENDING_REVIEW) {
                tickets.approve(t, "officer", "approved");
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> !tasks(ticketId).isEmpty());
        return ticketId;
    }

    List<Task> tasks(UUID ticketId) {
        return QuarkusTransaction.requiringNew().call(() -> Task.forTicket(ticketId));
    }

    TicketStatus status(UUID ticketId) {
        return QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>findById(ticketId).status);
    }

    long count(String sql, UUID ticketId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter(1, ticketId).getSingleResult()).longValue());
    }

    static String result(String eventId, Task task, String outcome) {
        return result(eventId, task.id.toString(), task.ticketId.toString(), task.attempts, task.systemKey, outcome);
    }

    static String result(String eventId, String taskId, String ticketId, int attempt, String system, String outcome) {
        ObjectNode event = JSON.createObjectNode().put("specversion", "1.0").put("id", eventId)
                .put("source", "/systems/" + system).put("type", "dev.rightsdesk.task.result.v1")
                .put("subject", taskId).put("datacontenttype", "application/json");
        event.putObject("data").put("taskId", taskId).put("ticketId", ticketId).put("attempt", attempt).put("outcome", outcome);
        return event.toString();
    }

    @Test
    void r6EveryResultTwiceAndTheTopicReplayedChangeNothing() {
        UUID ticketId = fannedOutTicket("r6@example.org");
        List<Task> tasks = tasks(ticketId);
        assertThat(tasks).hasSizeGreaterThanOrEqualTo(2);
        for (Task task : tasks) {
            String value = result(UUID.randomUUID().toString(), task, "NOT_FOUND");
            TopicReader.send(RESULTS, ticketId.toString(), value);
            TopicReader.send(RESULTS, ticketId.toString(), value); // at-least-once: the same event again
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> status(ticketId) == TicketStatus.READY_FOR_RESPONSE);
        long[] effects = effects(ticketId);

        // replay: every result of this ticket on the topic, from the start, delivered once more
        List<ConsumerRecord<String, String>> onTopic = TopicReader.readUntil(RESULTS, Duration.ofSeconds(30),
                rs -> rs.stream().filter(r -> ticketId.toString().equals(r.key())).count() >= 2L * tasks.size());
        List<String> replay = new ArrayList<>();
        onTopic.stream().filter(r -> ticketId.toString().equals(r.key())).forEach(r -> replay.add(r.value()));
        assertThat(replay).hasSize(2 * tasks.size());
        replay.forEach(v -> TopicReader.send(RESULTS, ticketId.toString(), v));
        // a marker result sent after the replay: once it is applied, the replayed ones were consumed before it
        UUID marker = fannedOutTicket("r6-marker@example.org");
        tasks(marker).forEach(t -> TopicReader.send(RESULTS, marker.toString(), result(UUID.randomUUID().toString(), t, "NOT_FOUND")));
        await().atMost(Duration.ofSeconds(60)).until(() -> status(marker) == TicketStatus.READY_FOR_RESPONSE);

        assertThat(effects(ticketId)).as("answers, completions and events after the replay").containsExactly(effects);
        assertThat(effects[0]).as("one answer recorded per task").isEqualTo(tasks.size());
        assertThat(effects[1]).as("ready for response once").isEqualTo(1);
    }

    /** Task answers announced, moves to READY_FOR_RESPONSE, ticket events written: the effects of results. */
    long[] effects(UUID ticketId) {
        return new long[] {
            count("SELECT count(*) FROM outbox_event WHERE event_key = CAST(?1 AS text)"
                    + " AND type = 'dev.rightsdesk.ticket.task-answered.v1'", ticketId),
            count("SELECT count(*) FROM ticket_status_change WHERE ticket_id = ?1 AND to_status = 'READY_FOR_RESPONSE'", ticketId),
            count("SELECT count(*) FROM outbox_event WHERE event_key = CAST(?1 AS text)", ticketId),
        };
    }

    @Test
    void r9r10PoisonAndMalformedResultsGoToTheDeadLetterTopicAndTheChannelStaysHealthy() {
        UUID ticketId = fannedOutTicket("r9@example.org");
        List<Task> tasks = tasks(ticketId);
        Task first = tasks.get(0);
        String marker = "poison-" + UUID.randomUUID();
        List<String> poison = List.of(
                "{not json " + marker,
                "{\"specversion\": \"1.0\", \"id\": \"" + marker + "-1\", \"type\": \"dev.rightsdesk.task.result.v1\"}",
                result(marker + "-2", first, "PERHAPS"),
                result(marker + "-3", first, "COMPLETED").replace("\"attempt\":" + first.attempts, "\"attempt\":\"" + marker + "\""),
                "[\"" + marker + "\"]",
                result(marker + "-5", first, "NOT_FOUND").replace(first.id.toString(), "not-a-uuid-" + marker));
        for (String value : poison) {
            TopicReader.send(RESULTS, ticketId.toString(), value);
        }
        // the good results behind them are still applied: the channel did not stop
        for (Task task : tasks) {
            TopicReader.send(RESULTS, ticketId.toString(), result(UUID.randomUUID().toString(), task, "NOT_FOUND"));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> status(ticketId) == TicketStatus.READY_FOR_RESPONSE);

        List<ConsumerRecord<String, String>> dlq = TopicReader.readUntil("dsr.task-results.dlq", Duration.ofSeconds(60),
                rs -> rs.stream().filter(r -> r.value() != null && r.value().contains(marker)).count() >= poison.size());
        assertThat(dlq.stream().filter(r -> r.value() != null && r.value().contains(marker)).count())
                .as("every poison record dead-lettered").isEqualTo(poison.size());
        assertThat(dlq.stream().filter(r -> r.value() != null && r.value().contains(marker)))
                .allSatisfy(r -> assertThat(r.headers().lastHeader("dead-letter-reason")).isNotNull());
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            String metrics = given().get("/q/metrics").asString();
            return metrics.contains("rightsdesk_dlq_records_total{topic=\"dsr.task-results.dlq\"}");
        });
        assertThat(QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>findById(ticketId).flagged))
                .as("a malformed result naming a task flags its ticket").isTrue();
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void resultsArrivingWhileTheDatabaseIsDownWaitForItInsteadOfGoingToTheDeadLetterTopic() throws Exception {
        UUID ticketId = fannedOutTicket("db-down-results@example.org");
        List<Task> tasks = tasks(ticketId);
        List<String> eventIds = new ArrayList<>();
        var postgres = EmbeddedEnginesTestResource.postgres();
        AtomicInteger outageMet = new AtomicInteger();
        Handler counter = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getMessage() != null && r.getMessage().startsWith("Database unavailable")) {
                    outageMet.incrementAndGet();
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger applier = java.util.logging.Logger.getLogger(BatchApplier.class.getName());
        applier.addHandler(counter);
        postgres.close();
        try {
            for (Task task : tasks) {
                String eventId = "db-down-" + UUID.randomUUID();
                eventIds.add(eventId);
                TopicReader.send(RESULTS, ticketId.toString(), result(eventId, task, "NOT_FOUND"));
            }
            // The consumer meets the outage several times over (the old code gave up after 3 tries).
            await().atMost(Duration.ofSeconds(60)).until(() -> outageMet.get() > 3);
        } finally {
            postgres.start();
            applier.removeHandler(counter);
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> status(ticketId) == TicketStatus.READY_FOR_RESPONSE);
        List<ConsumerRecord<String, String>> dlq = TopicReader.readUntil("dsr.task-results.dlq", Duration.ofSeconds(5),
                rs -> false);
        assertThat(dlq).as("no result of the outage dead-lettered")
                .noneMatch(r -> r.value() != null && eventIds.stream().anyMatch(r.value()::contains));
    }
}
