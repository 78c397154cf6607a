package dev.rightsdesk.fanout;

import static dev.rightsdesk.fanout.FanoutFixtures.answer;
import static dev.rightsdesk.fanout.FanoutFixtures.awaitStatus;
import static dev.rightsdesk.fanout.FanoutFixtures.awaitTask;
import static dev.rightsdesk.fanout.FanoutFixtures.submit;
import static dev.rightsdesk.fanout.FanoutFixtures.task;
import static dev.rightsdesk.fanout.FanoutFixtures.tasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rightsdesk.platform.error.ProblemException;
import dev.rightsdesk.ticket.TicketStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Changes to a ticket's systems in flight are explicit and recorded: add, cancel, complete by hand. */
@QuarkusTest
@TestProfile(FanoutTestProfile.class)
class TaskChangesTest {

    @Inject
    FanoutService fanout;

    @Test
    void cancelCompleteByHandAndAddASystemAgain() {
        UUID ticketId = submit("ERASURE", "task.changes@example.org", "{\"customerId\": \"C-4\"}");
        Task newsletter = task(ticketId, "newsletter");

        assertThatThrownBy(() -> fanout.addSystem(ticketId, "crm", "officer-1", "try twice"))
                .isInstanceOf(ProblemException.class).extracting(e -> ((ProblemException) e).status()).isEqualTo(409);
        assertThatThrownBy(() -> fanout.cancelTask(newsletter.id, "officer-1", " "))
                .isInstanceOf(ProblemException.class).extracting(e -> ((ProblemException) e).status()).isEqualTo(400);

        fanout.cancelTask(newsletter.id, "officer-1", "subject was never subscribed, confirmed by the marketing team");
        fanout.completeByHand(task(ticketId, "model-registry").id, TaskState.COMPLETED,
                "registry has no connector yet; both versions retired by hand, ticket MLOPS-12", "officer-1");
        assertThat(task(ticketId, "model-registry").completedBy).isEqualTo("officer-1");
        answer(task(ticketId, "crm"));
        answer(task(ticketId, "training-corpus"));
        awaitStatus(ticketId, TicketStatus.READY_FOR_RESPONSE);

        // Adding the newsletter back reopens the ticket with a new task for it.
        Task added = fanout.addSystem(ticketId, "newsletter", "officer-2", "the subject subscribed after all");
        assertThat(added.id).isNotEqualTo(newsletter.id);
        assertThat(FanoutFixtures.status(ticketId)).isEqualTo(TicketStatus.AWAITING_SYSTEMS);
        assertThat(FanoutFixtures.commands("newsletter", ticketId, 2)).extracting(c -> c.path("data").path("taskId").asText())
                .containsExactly(newsletter.id.toString(), added.id.toString());
        answer(added);
        awaitTask(ticketId, "newsletter", TaskState.NOT_FOUND);
        awaitStatus(ticketId, TicketStatus.READY_FOR_RESPONSE);

        assertThat(tasks(ticketId)).extracting(t -> t.systemKey + ":" + t.state).containsExactlyInAnyOrder(
                "crm:COMPLETED", "newsletter:CANCELED", "training-corpus:COMPLETED", "model-registry:COMPLETED",
                "newsletter:NOT_FOUND");
        assertThat(QuarkusTransaction.requiringNew().call(() -> TaskChange.forTicket(ticketId)))
                .extracting(c -> c.change + " by " + c.actor)
                .containsExactly("task-canceled by officer-1", "task-completed-by-hand by officer-1", "task-added by officer-2");
        assertThat(RetryTest.eventTypes(ticketId)).contains("dev.rightsdesk.ticket.task-canceled.v1",
                "dev.rightsdesk.ticket.task-completed-by-hand.v1", "dev.rightsdesk.ticket.task-added.v1");
    }

    @Test
    void aCompletedTaskCannotBeCanceledNorAnUnknownSystemAdded() {
        UUID ticketId = submit("RECTIFICATION", "task.refusals@example.org", "{}");
        Task crm = task(ticketId, "crm");
        answer(crm);
        awaitTask(ticketId, "crm", TaskState.COMPLETED);
        assertThatThrownBy(() -> fanout.cancelTask(crm.id, "officer-1", "too late"))
                .isInstanceOf(ProblemException.class).extracting(e -> ((ProblemException) e).status()).isEqualTo(409);
        assertThatThrownBy(() -> fanout.addSystem(ticketId, "no-such-system", "officer-1", "why not"))
                .isInstanceOf(ProblemException.class).extracting(e -> ((ProblemException) e).status()).isEqualTo(404);
        assertThatThrownBy(() -> fanout.addSystem(ticketId, "newsletter", "officer-1", "newsletter does not rectify"))
                .isInstanceOf(ProblemException.class).extracting(e -> ((ProblemException) e).status()).isEqualTo(422);
        assertThatThrownBy(() -> fanout.completeByHand(crm.id, TaskState.ESCALATED, "evidence", "officer-1"))
                .isInstanceOf(ProblemException.class).extracting(e -> ((ProblemException) e).status()).isEqualTo(400);
    }
}
