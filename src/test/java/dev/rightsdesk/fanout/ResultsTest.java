package dev.rightsdesk.fanout;

import static dev.rightsdesk.fanout.FanoutFixtures.answer;
import static dev.rightsdesk.fanout.FanoutFixtures.awaitStatus;
import static dev.rightsdesk.fanout.FanoutFixtures.awaitTask;
import static dev.rightsdesk.fanout.FanoutFixtures.result;
import static dev.rightsdesk.fanout.FanoutFixtures.send;
import static dev.rightsdesk.fanout.FanoutFixtures.submit;
import static dev.rightsdesk.fanout.FanoutFixtures.task;
import static dev.rightsdesk.fanout.FanoutFixtures.tasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rightsdesk.testing.TopicReader;
import dev.rightsdesk.ticket.TicketStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/** Results from connected systems: idempotent, tolerant of strangers, strict about garbage. */
@QuarkusTest
@TestProfile(FanoutTestProfile.class)
class ResultsTest {

    @Inject
    RetryJob retries;

    @Inject
    FanoutService fanout;

    @Test
    void duplicateResultsChangeNothing() {
        UUID ticketId = submit("ERASURE", "duplicate.results@example.org", "{}");
        Task newsletter = task(ticketId, "newsletter");
        String eventId = UUID.randomUUID().toString();
        String completed = result(eventId, newsletter, "COMPLETED", d -> d.put("summary", "unsubscribed and deleted"));

        send(newsletter, completed);
        Task done = awaitTask(ticketId, "newsletter", TaskState.COMPLETED);
        send(newsletter, completed);
        // A different event for the task that is final now: recorded, not applied.
        String late = UUID.randomUUID().toString();
        send(newsletter, result(late, newsletter, "NOT_FOUND", d -> { }));
        await().atMost(FanoutFixtures.WAIT).until(() -> !orphans(newsletter.id).isEmpty());

        Task after = task(ticketId, "newsletter");
        assertThat(after.state).isEqualTo(TaskState.COMPLETED);
        assertThat(after.version).isEqualTo(done.version);
        assertThat(after.completedAt).isEqualTo(done.completedAt);
        assertThat(orphans(newsletter.id)).singleElement().satisfies(o -> {
            assertThat(o.eventId).isEqualTo(late);
            assertThat(o.reason).isEqualTo(TaskResultOrphan.TASK_FINAL);
        });
        assertThat(RetryTest.events(ticketId)).filteredOn(e -> e.type.equals("dev.rightsdesk.ticket.task-answered.v1"))
                .hasSize(1);
    }

    @Test
    void resultForAnUnknownTaskIsRecordedAndTheChannelGoesOn() {
        UUID ticketId = submit("RECTIFICATION", "unknown.task@example.org", "{\"customerId\": \"C-9\"}");
        Task crm = task(ticketId, "crm");
        Task stranger = new Task();
        stranger.id = UUID.randomUUID();
        stranger.ticketId = UUID.randomUUID();
        stranger.systemKey = "crm";
        stranger.attempts = 1;
        send(stranger, result(stranger, "COMPLETED", d -> { }));
        answer(crm);
        awaitStatus(ticketId, TicketStatus.READY_FOR_RESPONSE);
        assertThat(orphans(stranger.id)).singleElement()
                .satisfies(o -> assertThat(o.reason).isEqualTo(TaskResultOrphan.UNKNOWN_TASK));
    }

    @Test
    void malformedResultsGoToTheDeadLetterTopicAndTheNextGoodOneIsApplied() {
        UUID ticketId = submit("ACCESS", "malformed.result@example.org", "{\"customerId\": \"C-2\"}");
        Task crm = task(ticketId, "crm");
        String key = ticketId.toString();

        TopicReader.send("dsr.task-results", key, "{\"specversion\": \"1.0\", \"oops");
        send(crm, result(crm, "DONE", d -> { }));
        send(crm, result(crm, "COMPLETED", d -> d.put("color", "blue")));
        send(crm, result(crm, "COMPLETED", d -> d.putObject("answer").put("blob", "x".repeat(300 * 1024))));
        answer(crm);

        Task done = awaitTask(ticketId, "crm", TaskState.COMPLETED);
        assertThat(done.answerData).contains("from-the-crm");

        List<ConsumerRecord<String, String>> dead = TopicReader.readUntil("dsr.task-results.dlq", FanoutFixtures.WAIT,
                rs -> rs.stream().filter(r -> key.equals(r.key())).count() >= 4);
        List<String> reasons = dead.stream().filter(r -> key.equals(r.key())).map(r -> header(r, "dead-letter-reason")).toList();
        assertThat(reasons).hasSize(4);
        assertThat(reasons.get(0)).startsWith("not valid JSON");
        assertThat(reasons.get(1)).contains("data.outcome").contains("COMPLETED");
        assertThat(reasons.get(2)).contains("data.color").contains("not a field");
        assertThat(reasons.get(3)).contains("data.answer").contains("chunks");
        assertThat(reasons).allSatisfy(r -> assertThat(r).doesNotContain("DONE").doesNotContain("blue"));

        assertThat(FanoutFixtures.ticket(ticketId).flagged).isTrue();
        assertThat(RetryTest.eventTypes(ticketId)).filteredOn(t -> t.equals("dev.rightsdesk.ticket.task-result-rejected.v1"))
                .hasSize(3);
    }

    @Test
    void largeAccessAnswerArrivesInChunksInAnyOrder() {
        UUID ticketId = submit("ACCESS", "chunked.answer@example.org", "{\"customerId\": \"C-3\"}");
        Task crm = task(ticketId, "crm");
        StringBuilder rows = new StringBuilder("{\"rows\":[");
        for (int i = 0; i < 6000; i++) {
            rows.append(i == 0 ? "" : ",").append("{\"order\":").append(i).append(",\"item\":\"").append("y".repeat(40)).append("\"}");
        }
        String answer = rows.append("]}").toString();
        assertThat(answer.length()).isGreaterThan(256 * 1024);
        int size = (answer.length() + 2) / 3;
        List<String> parts = List.of(answer.substring(0, size), answer.substring(size, 2 * size), answer.substring(2 * size));
        for (int index : new int[] {2, 0, 1}) {
            String part = parts.get(index);
            send(crm, result(crm, "COMPLETED", d -> d.put("summary", "6000 orders")
                    .putObject("chunk").put("index", index).put("count", 3).put("data", part)));
            if (index != 1) {
                assertThat(task(ticketId, "crm").state).isNotIn(TaskState.COMPLETED);
            }
        }
        Task done = awaitTask(ticketId, "crm", TaskState.COMPLETED);
        assertThat(FanoutFixtures.parse(done.answerData)).isEqualTo(FanoutFixtures.parse(answer));
        assertThat(QuarkusTransaction.requiringNew().call(() -> TaskAnswerChunk.forTask(crm.id))).isEmpty();
    }

    @Test
    void acknowledgedThenRetryableFailureIsRetriedAndAFinalFailureCompletesTheTask() {
        UUID ticketId = submit("ACCESS", "failing.systems@example.org", "{}");
        Task registry = task(ticketId, "model-registry");
        send(registry, result(registry, "ACKNOWLEDGED", d -> { }));
        awaitTask(ticketId, "model-registry", TaskState.ACKNOWLEDGED);
        send(registry, result(registry, "FAILED", d -> d.put("retryable", true).put("reason", "registry read-only for maintenance")));
        Task failed = awaitTask(ticketId, "model-registry", TaskState.FAILED);
        assertThat(failed.retryable).isTrue();
        assertThat(failed.isFinal()).isFalse();
        assertThat(failed.lastError).isEqualTo("registry read-only for maintenance");
        assertThat(Duration.between(Instant.now(), failed.nextAttemptAt)).isBetween(Duration.ofMinutes(3), Duration.ofMinutes(6));

        Instant later = failed.nextAttemptAt.plusSeconds(1);
        await().atMost(FanoutFixtures.WAIT).until(() -> {
            retries.runOnce(later);
            return task(ticketId, "model-registry").attempts == 2;
        });
        assertThat(task(ticketId, "model-registry").state).isEqualTo(TaskState.SENT);

        Task corpus = task(ticketId, "training-corpus");
        send(corpus, result(corpus, "FAILED", d -> d.put("retryable", false).put("reason", "dataset archived offline")));
        Task finalFailure = awaitTask(ticketId, "training-corpus", TaskState.FAILED);
        assertThat(finalFailure.isFinal()).isTrue();
        assertThat(FanoutFixtures.ticket(ticketId).flagged).isTrue();

        answer(task(ticketId, "model-registry"));
        answer(task(ticketId, "crm"));
        answer(task(ticketId, "newsletter"));
        awaitStatus(ticketId, TicketStatus.READY_FOR_RESPONSE);
    }

    @Test
    void aCompletionGateHoldsTheTicketUntilReconsidered() {
        UUID ticketId = submit("ACCESS", "held.ticket@example.org", "{}");
        HoldingGate.HELD.add(ticketId);
        try {
            tasks(ticketId).forEach(FanoutFixtures::answer);
            await().atMost(FanoutFixtures.WAIT).until(() -> tasks(ticketId).stream().allMatch(Task::isFinal));
            assertThat(FanoutFixtures.status(ticketId)).isEqualTo(TicketStatus.AWAITING_SYSTEMS);
            assertThat(fanout.reconsider(ticketId)).isFalse();
        } finally {
            HoldingGate.HELD.remove(ticketId);
        }
        assertThat(fanout.reconsider(ticketId)).isTrue();
        assertThat(FanoutFixtures.status(ticketId)).isEqualTo(TicketStatus.READY_FOR_RESPONSE);
        assertThat(fanout.reconsider(ticketId)).isFalse();
    }

    static List<TaskResultOrphan> orphans(UUID taskId) {
        return QuarkusTransaction.requiringNew().call(() -> TaskResultOrphan.forTask(taskId));
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
