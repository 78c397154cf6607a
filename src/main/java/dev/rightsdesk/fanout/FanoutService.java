package dev.rightsdesk.fanout;

import dev.rightsdesk.platform.error.ProblemException;
import dev.rightsdesk.system.ConnectedSystem;
import dev.rightsdesk.system.SystemRegistry;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketEvents;
import dev.rightsdesk.ticket.TicketService;
import dev.rightsdesk.ticket.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Carries an approved ticket to every connected system that handles its type (one {@link Task} and one
 * command each), and the explicit, recorded changes to a ticket's tasks in flight: add a system, cancel,
 * re-send, complete by hand. Every method locks the ticket first, so it never races a result for it.
 */
@ApplicationScoped
@Transactional
public class FanoutService {

    private static final Logger LOG = Logger.getLogger(FanoutService.class);
    /** Ticket statuses in which tasks may be added or changed: approved and not closed. */
    private static final Set<TicketStatus> WORKING =
            EnumSet.of(TicketStatus.IN_PROGRESS, TicketStatus.AWAITING_SYSTEMS, TicketStatus.READY_FOR_RESPONSE);
    static final String NO_IDENTIFIER = "the ticket carries none of the identity types this system looks subjects up by";

    private final SystemRegistry registry;
    private final TaskCommands commands;
    private final TaskCompletion completion;
    private final TicketService tickets;
    private final TicketEvents events;
    private final Clock clock;

    public FanoutService(SystemRegistry registry, TaskCommands commands, TaskCompletion completion,
            TicketService tickets, TicketEvents events, Clock clock) {
        this.registry = registry;
        this.commands = commands;
        this.completion = completion;
        this.tickets = tickets;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates one task per system handling the ticket's type and writes their commands; the ticket's move that
     * follows is {@link TicketService#approve}'s to decide (through {@link FanoutWork}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Task> fanOut(Ticket ticket) {
        Instant now = clock.instant();
        List<Task> tasks = new ArrayList<>();
        for (ConnectedSystem system : registry.handling(ticket.type)) {
            tasks.add(start(ticket, system, now));
        }
        LOG.infof("Ticket %s fanned out to %d systems", ticket.id, tasks.size());
        return tasks;
    }

    /** Every task of a ticket (canceled ones included), for the officer's view and the access package. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Task> tasksOf(UUID ticketId) {
        return Task.forTicket(ticketId);
    }

    /** Adds a system to a ticket in flight (an officer's decision, recorded with the reason). */
    public Task addSystem(UUID ticketId, String systemKey, String actor, String reason) {
        requireReason(reason);
        Ticket ticket = lockTicket(ticketId);
        requireWorking(ticket);
        ConnectedSystem system = registry.find(systemKey).orElseThrow(() -> ProblemException.notFound("System"));
        if (!system.handles(ticket.type)) {
            throw ProblemException.refused("system-does-not-handle-type", "System does not handle this request type",
                    "The system does not declare the ticket's request type in the systems file");
        }
        if (Task.live(ticketId, systemKey).isPresent()) {
            throw ProblemException.conflict("task-exists", "System already has a task",
                    "The ticket already has a task for this system; re-send it or cancel it first");
        }
        Instant now = clock.instant();
        Task task = start(ticket, system, now);
        TaskChange.record(task, FanoutEvents.TASK_ADDED, actor, reason, now);
        announce(ticket, FanoutEvents.TASK_ADDED, task, actor);
        reopen(ticket, actor, reason);
        completion.reconsider(ticket);
        return task;
    }

    /** Withdraws a task that has no final answer yet; the ticket may then be ready for the response. */
    public Task cancelTask(UUID taskId, String actor, String reason) {
        requireReason(reason);
        Task task = lockTask(taskId);
        Ticket ticket = Ticket.findById(task.ticketId);
        requireWorking(ticket);
        if (task.isFinal()) {
            throw ProblemException.conflict("task-final", "Task already final", "A task with a final state cannot be canceled");
        }
        Instant now = clock.instant();
        task.moveTo(TaskState.CANCELED, now);
        task.nextAttemptAt = null;
        TaskChange.record(task, FanoutEvents.TASK_CANCELED, actor, reason, now);
        announce(ticket, FanoutEvents.TASK_CANCELED, task, actor);
        completion.reconsider(ticket);
        return task;
    }

    /** Sends the task's command again (same task id, next attempt), whatever its attempts so far. */
    public Task resend(UUID taskId, String actor, String reason) {
        requireReason(reason);
        Task task = lockTask(taskId);
        Ticket ticket = Ticket.findById(task.ticketId);
        requireWorking(ticket);
        if (task.state == TaskState.CANCELED) {
            throw ProblemException.conflict("task-canceled", "Task canceled", "A canceled task cannot be re-sent");
        }
        ConnectedSystem system = registry.find(task.systemKey).orElseThrow(() -> ProblemException.conflict(
                "system-gone", "System no longer connected", "The task's system is no longer in the systems file"));
        if (system.manual()) {
            throw ProblemException.conflict("manual-system", "System has no connector",
                    "Nothing can be sent to a manual system; mark its task done by hand");
        }
        Instant now = clock.instant();
        if (commands.send(task, ticket, system, now).isEmpty()) {
            throw ProblemException.conflict("no-identifier", "No identifier for this system", NO_IDENTIFIER);
        }
        TaskChange.record(task, FanoutEvents.TASK_RESENT, actor, reason, now);
        announce(ticket, FanoutEvents.TASK_RESENT, task, actor);
        reopen(ticket, actor, reason);
        return task;
    }

    /**
     * Records a task's outcome by hand, with the evidence (a system without connector, or one that failed and
     * was handled another way). {@code outcome} is COMPLETED, NOT_FOUND, PARTIAL or FAILED (final).
     */
    public Task completeByHand(UUID taskId, TaskState outcome, String evidence, String actor) {
        if (outcome == null || !outcome.isOutcome()) {
            throw ProblemException.invalid("The outcome is not one an officer can record",
                    new ProblemException.FieldViolation("outcome", "must be one of COMPLETED, NOT_FOUND, PARTIAL, FAILED"));
        }
        if (evidence == null || evidence.isBlank()) {
            throw ProblemException.invalid("Evidence is required",
                    new ProblemException.FieldViolation("evidence", "is required"));
        }
        Task task = lockTask(taskId);
        Ticket ticket = Ticket.findById(task.ticketId);
        requireWorking(ticket);
        if (task.state == TaskState.CANCELED || (task.isFinal() && task.state != TaskState.FAILED)) {
            throw ProblemException.conflict("task-final", "Task already final",
                    "Only a task without a final answer, or a failed one, can be completed by hand");
        }
        Instant now = clock.instant();
        task.moveTo(outcome, now);
        task.retryable = false;
        task.nextAttemptAt = null;
        task.completedAt = now;
        task.completedBy = actor;
        task.answerSummary = evidence.trim();
        task.updatedAt = now;
        TaskChange.record(task, FanoutEvents.TASK_COMPLETED_BY_HAND, actor, evidence.trim(), now);
        announce(ticket, FanoutEvents.TASK_COMPLETED_BY_HAND, task, actor);
        completion.reconsider(ticket);
        return task;
    }

    /**
     * Re-checks whether the ticket is ready for the response (every task final, no {@link CompletionGate}
     * blocking) and moves it if so. Call when a gate's reason to block went away. True if the ticket moved.
     */
    public boolean reconsider(UUID ticketId) {
        return completion.reconsider(lockTicket(ticketId));
    }

    private Task start(Ticket ticket, ConnectedSystem system, Instant now) {
        Task task = new Task();
        task.id = UUID.randomUUID();
        task.ticketId = ticket.id;
        task.systemKey = system.key();
        task.systemKind = system.kind();
        task.action = ticket.type;
        task.statutoryDue = ticket.effectiveDue;
        task.createdAt = now;
        task.moveTo(TaskState.PENDING, now);
        if (system.manual()) {
            // No connector: an officer records the outcome; the retry job escalates it when the deadline passes.
            task.replyDue = now.plus(system.replyDeadline());
            task.nextAttemptAt = task.replyDue;
        } else if (commands.send(task, ticket, system, now).isEmpty()) {
            // Nothing the system could look the subject up by: say so to an officer rather than send nothing.
            task.moveTo(TaskState.FAILED, now);
            task.lastError = NO_IDENTIFIER;
            ticket.flagged = true;
        }
        task.persist();
        return task;
    }

    private void reopen(Ticket ticket, String actor, String reason) {
        tickets.awaitSystems(ticket, actor, reason);
    }

    private void announce(Ticket ticket, String name, Task task, String actor) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("taskId", task.id);
        detail.put("system", task.systemKey);
        detail.put("state", task.state);
        detail.put("attempt", task.attempts);
        detail.put("actor", actor);
        events.announce(ticket, name, ticket.status, detail);
    }

    Ticket lockTicket(UUID ticketId) {
        Ticket ticket = Ticket.findById(ticketId, LockModeType.PESSIMISTIC_WRITE);
        if (ticket == null) {
            throw ProblemException.notFound("Ticket");
        }
        return ticket;
    }

    /** Locks the task's ticket, then the task: every writer takes them in this order, so none deadlocks. */
    private Task lockTask(UUID taskId) {
        Task task = Task.findById(taskId);
        if (task == null) {
            throw ProblemException.notFound("Task");
        }
        lockTicket(task.ticketId);
        Task.getEntityManager().refresh(task, LockModeType.PESSIMISTIC_WRITE);
        return task;
    }

    private static void requireWorking(Ticket ticket) {
        if (!WORKING.contains(ticket.status)) {
            throw ProblemException.conflict("ticket-not-in-progress", "Ticket not in progress",
                    "Tasks can change only on an approved ticket that is not closed (status " + ticket.status + ")");
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("A reason is required",
                    new ProblemException.FieldViolation("reason", "is required"));
        }
    }
}
