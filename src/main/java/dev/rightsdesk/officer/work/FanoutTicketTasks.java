package dev.rightsdesk.officer.work;

import dev.rightsdesk.fanout.FanoutService;
import dev.rightsdesk.fanout.Task;
import dev.rightsdesk.fanout.TaskState;
import dev.rightsdesk.platform.error.ProblemException;
import dev.rightsdesk.platform.error.ProblemException.FieldViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** {@link TicketTasks} over the fan-out's tasks ({@link FanoutService}); joins the caller's transaction. */
@ApplicationScoped
@Transactional
public class FanoutTicketTasks implements TicketTasks {

    private final FanoutService fanout;

    public FanoutTicketTasks(FanoutService fanout) {
        this.fanout = fanout;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TaskView> of(UUID ticketId) {
        return fanout.tasksOf(ticketId).stream().map(FanoutTicketTasks::view).toList();
    }

    @Override
    public TaskView resend(UUID ticketId, UUID taskId, String actor, String reason) {
        return view(fanout.resend(ownTask(ticketId, taskId).id, actor, reason));
    }

    @Override
    public TaskView completeManually(UUID ticketId, UUID taskId, String actor, String outcome, String evidence) {
        TaskState state;
        try {
            state = outcome == null || outcome.isBlank() ? TaskState.COMPLETED : TaskState.valueOf(outcome.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("Unknown outcome",
                    new FieldViolation("outcome", "must be one of COMPLETED, NOT_FOUND, PARTIAL, FAILED"));
        }
        return view(fanout.completeByHand(ownTask(ticketId, taskId).id, state, evidence, actor));
    }

    @Override
    public void reconsider(UUID ticketId) {
        fanout.reconsider(ticketId);
    }

    private static com.fasterxml.jackson.databind.JsonNode evidence(Task t) {
        if (t.evidence == null) {
            return null;
        }
        try {
            return EVIDENCE.readTree(t.evidence);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return EVIDENCE.getNodeFactory().textNode(t.evidence);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper EVIDENCE = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The task, if it belongs to the ticket named in the path; another ticket's task is not found here. */
    private static Task ownTask(UUID ticketId, UUID taskId) {
        Task task = Task.findById(taskId);
        if (task == null || !task.ticketId.equals(ticketId)) {
            throw ProblemException.notFound("Task");
        }
        return task;
    }

    static TaskView view(Task t) {
        return new TaskView(t.id, t.systemKey, t.state.name(), t.attempts, t.lastError, t.answerSummary, t.updatedAt,
                !t.isFinal(), evidence(t));
    }
}
