package dev.rightsdesk.fanout;

import static dev.rightsdesk.fanout.FanoutFixtures.commands;
import static dev.rightsdesk.fanout.FanoutFixtures.submit;
import static dev.rightsdesk.fanout.FanoutFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rightsdesk.platform.outbox.OutboxEvent;
import dev.rightsdesk.ticket.TicketStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A silent system: re-sent with the same task id and the next attempt, then escalated. Time is passed in, never waited for. */
@QuarkusTest
@TestProfile(FanoutTestProfile.class)
class RetryTest {

    @Inject
    RetryJob retries;

    @Test
    void silentSystemIsResentWithBackoffThenEscalated() {
        UUID ticketId = submit("ERASURE", "silent.system@example.org", "{}");
        Task first = task(ticketId, "newsletter");
        assertThat(first.attempts).isEqualTo(1);
        Duration firstWait = Duration.between(first.sentAt, first.replyDue);
        assertThat(firstWait).isEqualTo(Duration.ofDays(3));

        // Before the reply deadline nothing happens.
        runAt(first.replyDue.minusSeconds(60));
        assertThat(task(ticketId, "newsletter").attempts).isEqualTo(1);

        Instant second = first.replyDue.plusSeconds(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            runAt(second);
            return task(ticketId, "newsletter").attempts == 2;
        });
        Task resent = task(ticketId, "newsletter");
        assertThat(resent.id).isEqualTo(first.id);
        assertThat(resent.state).isEqualTo(TaskState.SENT);
        assertThat(Duration.between(resent.sentAt, resent.replyDue)).isEqualTo(firstWait.multipliedBy(2));

        List<JsonNode> onTopic = commands("newsletter", ticketId, 2);
        assertThat(onTopic).hasSize(2);
        assertThat(onTopic).extracting(c -> c.path("data").path("taskId").asText()).containsOnly(first.id.toString());
        assertThat(onTopic).extracting(c -> c.path("data").path("attempt").asInt()).containsExactly(1, 2);
        assertThat(onTopic.get(0).path("id").asText()).isNotEqualTo(onTopic.get(1).path("id").asText());

        Instant third = resent.replyDue.plusSeconds(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            runAt(third);
            return task(ticketId, "newsletter").attempts == 3;
        });
        Instant afterLast = task(ticketId, "newsletter").replyDue.plusSeconds(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            runAt(afterLast);
            return task(ticketId, "newsletter").state == TaskState.ESCALATED;
        });

        Task escalated = task(ticketId, "newsletter");
        assertThat(escalated.attempts).isEqualTo(3);
        assertThat(escalated.nextAttemptAt).isNull();
        assertThat(escalated.lastError).contains("3 attempts");
        assertThat(FanoutFixtures.ticket(ticketId).flagged).isTrue();
        assertThat(FanoutFixtures.status(ticketId)).isEqualTo(TicketStatus.AWAITING_SYSTEMS);
        assertThat(eventTypes(ticketId)).contains("dev.rightsdesk.ticket.task-resent.v1", "dev.rightsdesk.ticket.task-escalated.v1");
        assertThat(QuarkusTransaction.requiringNew().call(() -> TaskChange.forTicket(ticketId)))
                .filteredOn(c -> c.taskId.equals(first.id))
                .extracting(c -> c.change).containsExactly("task-resent", "task-resent", "task-escalated");

        // Running again changes nothing: an escalated task waits for an officer.
        runAt(afterLast.plus(Duration.ofDays(60)));
        assertThat(commands("newsletter", ticketId, 3)).hasSize(3);
    }

    @Test
    void anOfficerCanResendAnEscalatedTask() {
        UUID ticketId = submit("ACCESS", "officer.resend@example.org", "{}");
        FanoutService fanout = io.quarkus.arc.Arc.container().instance(FanoutService.class).get();
        Task before = task(ticketId, "model-registry");
        fanout.resend(before.id, "officer-1", "the registry team asked for the command again");
        Task after = task(ticketId, "model-registry");
        assertThat(after.attempts).isEqualTo(2);
        assertThat(commands("model-registry", ticketId, 2)).extracting(c -> c.path("data").path("attempt").asInt())
                .containsExactly(1, 2);
        assertThat(QuarkusTransaction.requiringNew().call(() -> TaskChange.forTicket(ticketId)))
                .anySatisfy(c -> {
                    assertThat(c.change).isEqualTo("task-resent");
                    assertThat(c.actor).isEqualTo("officer-1");
                    assertThat(c.reason).contains("asked for the command again");
                });
    }

    /** Issue 13 finding 9: a system that acknowledged and then went silent (it crashed) is asked again. */
    @Test
    void anAcknowledgedTaskWithoutProgressIsResentAfterTheProgressTimeoutWithTheSameTaskId() {
        UUID ticketId = submit("ERASURE", "silent.after.ack@example.org", "{}");
        Task sent = task(ticketId, "crm");
        FanoutFixtures.send(sent, FanoutFixtures.result(sent, "ACKNOWLEDGED", d -> { }));
        Task acked = FanoutFixtures.awaitTask(ticketId, "crm", TaskState.ACKNOWLEDGED);
        Duration progressTimeout = Duration.ofMinutes(2); // systems.yaml: progressTimeout of crm
        assertThat(acked.nextAttemptAt).as("looked at again after the progress timeout, long before the reply deadline")
                .isEqualTo(acked.acknowledgedAt.plus(progressTimeout)).isBefore(acked.replyDue);

        runAt(acked.acknowledgedAt.plusSeconds(60));
        assertThat(task(ticketId, "crm").attempts).as("within the progress timeout nothing happens").isEqualTo(1);

        // a heartbeat (ACKNOWLEDGED again) is progress: the timeout starts over
        FanoutFixtures.send(sent, FanoutFixtures.result(sent, "ACKNOWLEDGED", d -> { }));
        await().atMost(Duration.ofSeconds(30)).until(() -> task(ticketId, "crm").acknowledgedAt.isAfter(acked.acknowledgedAt));
        Task beating = task(ticketId, "crm");
        assertThat(beating.nextAttemptAt).isEqualTo(beating.acknowledgedAt.plus(progressTimeout));

        Instant silentTooLong = beating.nextAttemptAt.plusSeconds(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            runAt(silentTooLong);
            return task(ticketId, "crm").attempts == 2;
        });
        Task resent = task(ticketId, "crm");
        assertThat(resent.id).isEqualTo(sent.id);
        assertThat(resent.state).isEqualTo(TaskState.SENT);
        List<JsonNode> onTopic = commands("crm", ticketId, 2);
        assertThat(onTopic).extracting(c -> c.path("data").path("taskId").asText()).containsOnly(sent.id.toString());
        assertThat(onTopic).extracting(c -> c.path("data").path("attempt").asInt()).containsExactly(1, 2);
        assertThat(QuarkusTransaction.requiringNew().call(() -> TaskChange.forTicket(ticketId)))
                .filteredOn(c -> c.taskId.equals(sent.id)).extracting(c -> c.change).containsExactly("task-resent");
    }

    private void runAt(Instant now) {
        retries.runOnce(now);
    }

    static List<String> eventTypes(UUID ticketId) {
        return events(ticketId).stream().map(e -> e.type).toList();
    }

    /** The ticket events written for a ticket (the outbox rows keyed by its id on dsr.ticket-events). */
    static List<OutboxEvent> events(UUID ticketId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list(
                "key = ?1 and topic = 'dsr.ticket-events' order by seq", ticketId.toString()));
    }
}
