package dev.rightsdesk.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rightsdesk.ai.exclusion.ExclusionSnapshot;
import dev.rightsdesk.ai.remediation.ModelRemediation;
import dev.rightsdesk.ai.remediation.RemediationReports;
import dev.rightsdesk.ai.remediation.RemediationState;
import dev.rightsdesk.fanout.RetryJob;
import dev.rightsdesk.fanout.Task;
import dev.rightsdesk.fanout.TaskState;
import dev.rightsdesk.testing.TopicReader;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketEvents;
import dev.rightsdesk.ticket.TicketStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Registries answer and report remediation progress on dsr.task-results, as a connector does. */
@QuarkusTest
class RemediationReportsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    RetryJob retries;

    static String result(String eventId, Task task, Consumer<ObjectNode> data) {
        ObjectNode event = JSON.createObjectNode().put("specversion", "1.0").put("id", eventId)
                .put("source", "/systems/" + task.systemKey).put("type", "dev.rightsdesk.task.result.v1")
                .put("subject", task.id.toString()).put("datacontenttype", "application/json");
        ObjectNode d = event.putObject("data").put("taskId", task.id.toString()).put("ticketId", task.ticketId.toString())
                .put("attempt", task.attempts).put("outcome", "COMPLETED");
        data.accept(d);
        return event.toString();
    }

    static void send(Task task, String value) {
        TopicReader.send("dsr.task-results", task.ticketId.toString(), value);
    }

    static List<ModelRemediation> remediations(UUID ticket) {
        return QuarkusTransaction.requiringNew().call(() -> ModelRemediation.forTicket(ticket));
    }

    @Test
    void registryAnswersOpenRemediationsAndItsProgressReportsResolveThemUntilTheTicketIsReady() {
        UUID ticket = RemediationFixtures.fannedOut("ERASURE", AiTestSupport.uniqueEmail("reports"), ModelRemediationTest.ERASURE);
        List<Task> tasks = QuarkusTransaction.requiringNew().call(() -> Task.forTicket(ticket));
        Task registry = tasks.stream().filter(t -> t.systemKey.equals(RemediationFixtures.REGISTRY)).findFirst().orElseThrow();
        for (Task t : tasks) {
            send(t, result(UUID.randomUUID().toString(), t, d -> {
                if (t == registry) {
                    var models = d.putArray("modelVersions");
                    models.addObject().put("name", "recommender").put("version", "7.0").putArray("trainingDatasetVersions").add("orders@1");
                    models.addObject().put("name", "recommender").put("version", "7.1").putArray("trainingDatasetVersions").add("orders@2");
                }
            }));
        }
        await().atMost(WAIT).until(() -> remediations(ticket).size() == 2
                && QuarkusTransaction.requiringNew().call(() -> Task.forTicket(ticket)).stream().allMatch(Task::isFinal));
        assertThat(RemediationFixtures.status(ticket)).as("all tasks final, remediations open").isEqualTo(TicketStatus.AWAITING_SYSTEMS);

        // a bad report (RETRAINED without the snapshot it applied) is refused; the good one in the same result applies
        String progress = result(UUID.randomUUID().toString(), registry, d -> {
            var r = d.putArray("remediations");
            r.addObject().put("model", "recommender").put("version", "7.0").put("state", "RETIRED");
            r.addObject().put("model", "recommender").put("version", "7.1").put("state", "RETRAINED")
                    .putObject("evidence").put("newModelVersion", "7.2");
            r.addObject().put("model", "recommender").put("version", "9.9").put("state", "RETIRED");
        });
        send(registry, progress);
        send(registry, progress); // redelivered: applied once
        await().atMost(WAIT).until(() -> remediations(ticket).stream().anyMatch(ModelRemediation::isResolved));
        assertThat(remediations(ticket)).extracting(r -> r.modelVersion + ":" + r.state)
                .containsExactlyInAnyOrder("7.0:RESOLVED", "7.1:AFFECTED");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>findById(ticket)).flagged).isTrue();
        var rejected = TopicReader.readUntil(TicketEvents.TOPIC, WAIT, rs -> rs.stream().filter(r ->
                        r.key().equals(ticket.toString()) && r.value().contains(RemediationReports.REJECTED)).count() >= 2)
                .stream().filter(r -> r.key().equals(ticket.toString()) && r.value().contains(RemediationReports.REJECTED))
                .map(r -> r.value()).toList();
        assertThat(rejected).hasSize(2).anySatisfy(v -> assertThat(v).contains("evidence.exclusionSnapshotVersion"))
                .anySatisfy(v -> assertThat(v).contains("unknown-model-version"));
        assertThat(RemediationFixtures.status(ticket)).isEqualTo(TicketStatus.AWAITING_SYSTEMS);

        long snapshot = QuarkusTransaction.requiringNew().call(() -> ExclusionSnapshot.current().version);
        send(registry, result(UUID.randomUUID().toString(), registry, d -> d.putArray("remediations").addObject()
                .put("model", "recommender").put("version", "7.1").put("state", "RETRAINED")
                .putObject("evidence").put("newModelVersion", "7.2").put("exclusionSnapshotVersion", snapshot)));
        await().atMost(WAIT).until(() -> RemediationFixtures.status(ticket) == TicketStatus.READY_FOR_RESPONSE);
        assertThat(remediations(ticket)).allSatisfy(r -> assertThat(r.state).isEqualTo(RemediationState.RESOLVED));
    }

    @Test
    void anAccessRequestsModelVersionsNeedNoRemediation() {
        UUID ticket = RemediationFixtures.fannedOut("ACCESS", AiTestSupport.uniqueEmail("access-models"), "{}");
        List<Task> tasks = QuarkusTransaction.requiringNew().call(() -> Task.forTicket(ticket));
        for (Task t : tasks) {
            send(t, result(UUID.randomUUID().toString(), t, d -> {
                d.putObject("answer").put("held", "nothing special");
                if (t.systemKey.equals(RemediationFixtures.REGISTRY)) {
                    d.putArray("modelVersions").addObject().put("name", "recommender").put("version", "7.0")
                            .putArray("trainingDatasetVersions").add("orders@1");
                }
            }));
        }
        await().atMost(WAIT).until(() -> RemediationFixtures.status(ticket) == TicketStatus.READY_FOR_RESPONSE);
        assertThat(remediations(ticket)).isEmpty();
    }

    /** Issue 13 finding 12: the versions answer is lost or overtaken by the remediation report. */
    @Test
    void aRemediationReportBeforeTheModelVersionsNeitherCompletesTheTaskNorLetsTheTicketMoveOn() {
        UUID ticket = RemediationFixtures.fannedOut("ERASURE", AiTestSupport.uniqueEmail("order"), ModelRemediationTest.ERASURE);
        List<Task> tasks = QuarkusTransaction.requiringNew().call(() -> Task.forTicket(ticket));
        Task registry = tasks.stream().filter(t -> t.systemKey.equals(RemediationFixtures.REGISTRY)).findFirst().orElseThrow();
        String report = result(UUID.randomUUID().toString(), registry, d -> {
            d.put("summary", "model versions remediated");
            var r = d.putArray("remediations");
            r.addObject().put("model", "recommender").put("version", "8.0").put("state", "RETIRED");
            r.addObject().put("model", "recommender").put("version", "8.1").put("state", "RETIRED");
        });
        send(registry, report); // the remediation report first: the versions answer is not there (yet)
        for (Task t : tasks) {
            if (t != registry) {
                send(t, result(UUID.randomUUID().toString(), t, d -> d.put("outcome", "NOT_FOUND")));
            }
        }
        await().atMost(WAIT).until(() -> tasks.stream().filter(t -> t != registry).allMatch(t -> task(t.id).isFinal())
                && task(registry.id).lastError != null);
        Task open = task(registry.id);
        assertThat(open.isFinal()).as("the registry's task is not complete without its model versions").isFalse();
        assertThat(open.state).isEqualTo(TaskState.FAILED);
        assertThat(open.retryable).as("asked again at the next retry round").isTrue();
        assertThat(open.nextAttemptAt).isBeforeOrEqualTo(Instant.now());
        assertThat(RemediationFixtures.status(ticket)).isEqualTo(TicketStatus.AWAITING_SYSTEMS);

        RetryJob.Round round = retries.runOnce(Instant.now());
        assertThat(round.resent()).isGreaterThanOrEqualTo(1);
        assertThat(task(registry.id).attempts).as("re-sent with the same task id").isEqualTo(registry.attempts + 1);

        // the versions answer (late, or to the re-sent command) completes the task; the report, sent again, resolves
        send(registry, result(UUID.randomUUID().toString(), registry, d -> {
            var models = d.putArray("modelVersions");
            models.addObject().put("name", "recommender").put("version", "8.0").putArray("trainingDatasetVersions").add("orders@1");
            models.addObject().put("name", "recommender").put("version", "8.1").putArray("trainingDatasetVersions").add("orders@1");
        }));
        await().atMost(WAIT).until(() -> task(registry.id).state == TaskState.COMPLETED && remediations(ticket).size() == 2);
        assertThat(RemediationFixtures.status(ticket)).as("remediations open").isEqualTo(TicketStatus.AWAITING_SYSTEMS);
        send(registry, result(UUID.randomUUID().toString(), registry, d -> d.set("remediations",
                JSON.valueToTree(List.of(java.util.Map.of("model", "recommender", "version", "8.0", "state", "RETIRED"),
                        java.util.Map.of("model", "recommender", "version", "8.1", "state", "RETIRED"))))));
        await().atMost(WAIT).until(() -> RemediationFixtures.status(ticket) == TicketStatus.READY_FOR_RESPONSE);
        assertThat(remediations(ticket)).hasSize(2).allSatisfy(r -> assertThat(r.state).isEqualTo(RemediationState.RESOLVED));
    }

    static Task task(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Task.<Task>findById(id));
    }
}
