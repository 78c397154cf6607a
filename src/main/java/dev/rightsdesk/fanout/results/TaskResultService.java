package dev.rightsdesk.fanout.results;

import dev.rightsdesk.fanout.FanoutConfig;
import dev.rightsdesk.fanout.FanoutEvents;
import dev.rightsdesk.fanout.Task;
import dev.rightsdesk.fanout.TaskCompletion;
import dev.rightsdesk.fanout.TaskResultOrphan;
import dev.rightsdesk.fanout.TaskState;
import dev.rightsdesk.platform.inbox.Inbox;
import dev.rightsdesk.system.SystemRegistry;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketEvents;
import dev.rightsdesk.ticket.TicketService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Applies one validated result in one transaction: deduplicated by event id ({@link Inbox}), the ticket locked
 * before the task (the order every writer uses), the task updated, answers stored, the ticket event written,
 * and the ticket moved on when its last task became final. Results that find no open task are recorded.
 */
@ApplicationScoped
@Transactional
public class TaskResultService {

    /** What became of a result. */
    public enum Applied { APPLIED, DUPLICATE, ORPHANED, CHUNK_STORED }

    static final String CONSUMER = "fanout-task-results";
    static final String REJECTED_CONSUMER = "fanout-task-results-rejected";
    private static final Logger LOG = Logger.getLogger(TaskResultService.class);

    private final Inbox inbox;
    private final AnswerStore answers;
    private final TaskCompletion completion;
    private final TicketEvents events;
    private final SystemRegistry registry;
    private final FanoutConfig config;
    private final Event<TaskResultReceived> received;
    private final Clock clock;

    public TaskResultService(Inbox inbox, AnswerStore answers, TaskCompletion completion, TicketEvents events,
            SystemRegistry registry, FanoutConfig config, Event<TaskResultReceived> received, Clock clock) {
        this.inbox = inbox;
        this.answers = answers;
        this.completion = completion;
        this.events = events;
        this.registry = registry;
        this.config = config;
        this.received = received;
        this.clock = clock;
    }

    public Applied apply(TaskResult r) {
        if (!inbox.firstDelivery(CONSUMER, r.eventId())) {
            return Applied.DUPLICATE;
        }
        Task task = Task.findById(r.taskId());
        if (task == null) {
            return orphan(r, null, TaskResultOrphan.UNKNOWN_TASK);
        }
        Ticket ticket = Ticket.findById(task.ticketId, LockModeType.PESSIMISTIC_WRITE);
        Task.getEntityManager().refresh(task, LockModeType.PESSIMISTIC_WRITE);
        if (r.ticketId() != null && !r.ticketId().equals(task.ticketId)) {
            return orphan(r, task, TaskResultOrphan.TICKET_MISMATCH);
        }
        if (ticket.status.isClosed()) {
            return orphan(r, task, TaskResultOrphan.TICKET_CLOSED);
        }
        if (task.state == TaskState.CANCELED) {
            return orphan(r, task, TaskResultOrphan.TASK_CANCELED);
        }
        if (task.isFinal()) {
            if (r.remediations() == null) {
                return orphan(r, task, TaskResultOrphan.TASK_FINAL);
            }
            // A registry reporting remediation progress on a task it answered before: for the AI-rights feature.
            received.fire(new TaskResultReceived(task, ticket, r, false));
            completion.reconsider(ticket);
            return Applied.APPLIED;
        }
        Instant now = clock.instant();
        answers.storeStructured(task, r, now);
        if (r.evidence() != null) {
            task.evidence = r.evidence().toString();
        }
        Applied applied;
        if (RegistryAnswerOrder.versionsMissing(task, r)) {
            RegistryAnswerOrder.askAgain(task, now);
            applied = Applied.APPLIED;
        } else {
            applied = switch (r.outcome()) {
                case ACKNOWLEDGED -> acknowledge(task, now);
                case FAILED -> fail(task, ticket, r, now);
                case COMPLETED, NOT_FOUND, PARTIAL -> answer(task, ticket, r, now);
            };
        }
        if (applied == Applied.CHUNK_STORED) {
            return applied;
        }
        task.updatedAt = now;
        announce(ticket, task, r);
        received.fire(new TaskResultReceived(task, ticket, r, true));
        if (task.isFinal()) {
            completion.reconsider(ticket);
        }
        LOG.debugf("Result %s applied to task %s: %s", r.eventId(), task.id, task.state);
        return applied;
    }

    /** A malformed result that named a task: flag its ticket and say so in its timeline, once per record. */
    public void rejected(UUID taskId, String recordId, String reason) {
        if (!inbox.firstDelivery(REJECTED_CONSUMER, recordId)) {
            return;
        }
        Task task = Task.findById(taskId);
        if (task == null) {
            return;
        }
        Ticket ticket = Ticket.findById(task.ticketId, LockModeType.PESSIMISTIC_WRITE);
        ticket.flagged = true;
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("taskId", task.id);
        detail.put("system", task.systemKey);
        detail.put("reason", reason);
        events.announce(ticket, FanoutEvents.TASK_RESULT_REJECTED, ticket.status, detail);
    }

    private Applied acknowledge(Task task, Instant now) {
        task.acknowledgedAt = now;
        if (task.state != TaskState.ESCALATED) {
            // Still owed a final answer by the reply due date; the retry job keeps watching, and sends the task
            // again sooner when the system's progress timeout passes without a sign of life (a repeated
            // ACKNOWLEDGED is that sign: a heartbeat).
            task.moveTo(TaskState.ACKNOWLEDGED, now);
            task.retryable = false;
            watchProgress(task, now);
        }
        return Applied.APPLIED;
    }

    /** Next look at the task: the progress timeout from now, at the latest the reply due date. */
    private void watchProgress(Task task, Instant now) {
        if (task.replyDue != null && task.replyDue.isAfter(now)) {
            task.nextAttemptAt = registry.find(task.systemKey).map(s -> s.nextLookAfterProgress(now, task.replyDue))
                    .orElse(task.replyDue);
        }
    }

    private Applied fail(Task task, Ticket ticket, TaskResult r, Instant now) {
        task.moveTo(TaskState.FAILED, now);
        task.retryable = r.retryable();
        task.lastError = r.reason() == null ? "failed without a reason" : r.reason();
        if (r.retryable()) {
            task.nextAttemptAt = now.plus(retryDelay(task));
        } else {
            task.nextAttemptAt = null;
            task.completedAt = now;
            task.completedBy = TicketService.SYSTEM;
            ticket.flagged = true;
        }
        return Applied.APPLIED;
    }

    private Applied answer(Task task, Ticket ticket, TaskResult r, Instant now) {
        if (r.chunk() != null) {
            AnswerStore.Assembly assembly = answers.addChunk(task, r.chunk(), now);
            if (assembly.waiting()) {
                task.acknowledgedAt = task.acknowledgedAt == null ? now : task.acknowledgedAt;
                if (task.state == TaskState.SENT || task.state == TaskState.ACKNOWLEDGED) {
                    watchProgress(task, now); // a chunk is progress too
                }
                return Applied.CHUNK_STORED;
            }
            if (assembly.json() == null) {
                // Every part arrived but together they are no JSON: ask the system again.
                task.moveTo(TaskState.FAILED, now);
                task.retryable = true;
                task.lastError = "the chunks of the answer do not join into valid JSON";
                task.nextAttemptAt = now.plus(retryDelay(task));
                return Applied.APPLIED;
            }
            task.answerData = assembly.json();
        } else if (r.answer() != null) {
            task.answerData = r.answer().toString();
        }
        task.moveTo(TaskState.valueOf(r.outcome().name()), now);
        task.retryable = false;
        task.nextAttemptAt = null;
        task.completedAt = now;
        task.completedBy = TicketService.SYSTEM;
        task.answerSummary = r.summary();
        task.lastError = r.outcome() == Outcome.PARTIAL ? r.reason() : null;
        if (r.outcome() == Outcome.PARTIAL) {
            ticket.flagged = true;
        }
        return Applied.APPLIED;
    }

    /** failed-retry-delay doubled per attempt, never longer than the system's reply deadline. */
    private Duration retryDelay(Task task) {
        Duration delay = config.failedRetryDelay().multipliedBy(1L << Math.min(Math.max(task.attempts - 1, 0), 20));
        Duration cap = registry.find(task.systemKey).map(s -> s.replyDeadline()).orElse(Duration.ofDays(1));
        return delay.compareTo(cap) > 0 ? cap : delay;
    }

    private Applied orphan(TaskResult r, Task task, String reason) {
        TaskResultOrphan o = new TaskResultOrphan();
        o.eventId = r.eventId();
        o.taskId = r.taskId();
        o.ticketId = task == null ? r.ticketId() : task.ticketId;
        o.outcome = r.outcome().name();
        o.reason = reason;
        o.receivedAt = clock.instant();
        o.persist();
        LOG.infof("Result %s for task %s set aside: %s", r.eventId(), r.taskId(), reason);
        return Applied.ORPHANED;
    }

    private void announce(Ticket ticket, Task task, TaskResult r) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("taskId", task.id);
        detail.put("system", task.systemKey);
        detail.put("outcome", r.outcome());
        detail.put("state", task.state);
        detail.put("retryable", task.retryable);
        detail.put("attempt", task.attempts);
        detail.put("answerReceived", task.answerData != null);
        events.announce(ticket, FanoutEvents.TASK_ANSWERED, ticket.status, detail);
    }
}
