package dev.rightsdesk.fanout;

import dev.rightsdesk.platform.cluster.ClusterLock;
import dev.rightsdesk.system.ConnectedSystem;
import dev.rightsdesk.system.SystemRegistry;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketEvents;
import dev.rightsdesk.ticket.TicketService;
import dev.rightsdesk.ticket.TicketStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Re-sends the command of a task whose system stayed silent past its reply deadline, or answered with a
 * retryable failure (same task id, next attempt, longer deadline each time), and escalates it to an
 * officer after {@code rightsdesk.fanout.max-attempts}. One replica at a time ({@link ClusterLock}).
 */
@ApplicationScoped
public class RetryJob {

    /** The outcome of one run: whether this replica held the lock, and what it did. */
    public record Round(boolean ran, int resent, int escalated) {
    }

    static final String LOCK = "fanout-retries";
    private static final Logger LOG = Logger.getLogger(RetryJob.class);

    private final ClusterLock lock;
    private final FanoutConfig config;
    private final SystemRegistry registry;
    private final TaskCommands commands;
    private final TicketEvents events;
    private final Clock clock;

    public RetryJob(ClusterLock lock, FanoutConfig config, SystemRegistry registry, TaskCommands commands,
            TicketEvents events, Clock clock) {
        this.lock = lock;
        this.config = config;
        this.registry = registry;
        this.commands = commands;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(every = "${rightsdesk.fanout.retry-interval:1m}", delayed = "10s", identity = "fanout-retries",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            runOnce(clock.instant());
        } catch (RuntimeException e) {
            LOG.warnf("Retry round failed, will run again: %s", e.getClass().getSimpleName());
        }
    }

    /** Handles every task overdue at {@code now}, in batches; tests pass a "now" days ahead instead of waiting. */
    public Round runOnce(Instant now) {
        int resent = 0;
        int escalated = 0;
        while (true) {
            Round round = QuarkusTransaction.requiringNew().call(() -> batch(now));
            if (!round.ran()) {
                return resent + escalated == 0 ? round : new Round(true, resent, escalated);
            }
            resent += round.resent();
            escalated += round.escalated();
            if (round.resent() + round.escalated() < config.retryBatchSize()) {
                return new Round(true, resent, escalated);
            }
        }
    }

    private Round batch(Instant now) {
        if (!lock.tryLock(LOCK)) {
            return new Round(false, 0, 0);
        }
        List<Task> due = Task.<Task>find("from Task t where t.nextAttemptAt <= ?1 and t.state in ?2 and exists "
                        + "(from Ticket k where k.id = t.ticketId and k.status not in ?3) order by t.ticketId, t.id",
                now, TaskState.waiting(), TicketStatus.closedStatuses()).page(0, config.retryBatchSize()).list();
        int resent = 0;
        int escalated = 0;
        for (Task task : due) {
            // Same lock order as every other writer: the ticket, then the task.
            Ticket ticket = Ticket.findById(task.ticketId, LockModeType.PESSIMISTIC_WRITE);
            Task.getEntityManager().refresh(task, LockModeType.PESSIMISTIC_WRITE);
            if (task.nextAttemptAt == null || task.nextAttemptAt.isAfter(now) || task.isFinal()
                    || !TaskState.waiting().contains(task.state)) {
                continue;
            }
            if (resend(task, ticket, now)) {
                resent++;
            } else {
                escalated++;
            }
        }
        return new Round(true, resent, escalated);
    }

    /** Re-sends the task, or escalates it when attempts are used up or nothing can be sent; true if re-sent. */
    private boolean resend(Task task, Ticket ticket, Instant now) {
        Optional<ConnectedSystem> system = registry.find(task.systemKey);
        String why = task.state == TaskState.FAILED ? "retryable-failure"
                : task.state == TaskState.ACKNOWLEDGED && task.replyDue != null && now.isBefore(task.replyDue)
                ? "no-progress" : "no-answer";
        if (task.state == TaskState.PENDING || system.isEmpty() || system.get().manual()) {
            escalate(task, ticket, now, "no outcome recorded by the reply deadline for a system without connector");
            return false;
        }
        if (task.attempts >= config.maxAttempts()) {
            escalate(task, ticket, now, "no final answer after " + task.attempts + " attempts");
            return false;
        }
        if (commands.send(task, ticket, system.get(), now).isEmpty()) {
            escalate(task, ticket, now, FanoutService.NO_IDENTIFIER);
            return false;
        }
        TaskChange.record(task, FanoutEvents.TASK_RESENT, TicketService.SYSTEM, why, now);
        announce(ticket, FanoutEvents.TASK_RESENT, task, why);
        LOG.infof("Task %s of ticket %s re-sent to %s (attempt %d)", task.id, ticket.id, task.systemKey, task.attempts);
        return true;
    }

    private void escalate(Task task, Ticket ticket, Instant now, String reason) {
        task.moveTo(TaskState.ESCALATED, now);
        task.nextAttemptAt = null;
        task.lastError = reason;
        task.updatedAt = now;
        ticket.flagged = true;
        TaskChange.record(task, FanoutEvents.TASK_ESCALATED, TicketService.SYSTEM, reason, now);
        announce(ticket, FanoutEvents.TASK_ESCALATED, task, "escalated");
        LOG.warnf("Task %s of ticket %s escalated: %s gave no final answer", task.id, ticket.id, task.systemKey);
    }

    private void announce(Ticket ticket, String name, Task task, String why) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("taskId", task.id);
        detail.put("system", task.systemKey);
        detail.put("state", task.state);
        detail.put("attempt", task.attempts);
        detail.put("why", why);
        events.announce(ticket, name, ticket.status, detail);
    }
}
