package dev.rightsdesk.fanout.watch;

import dev.rightsdesk.deadline.Deadline;
import dev.rightsdesk.deadline.StatutoryClock;
import dev.rightsdesk.fanout.FanoutEvents;
import dev.rightsdesk.fanout.Task;
import dev.rightsdesk.fanout.TaskCompletion;
import dev.rightsdesk.platform.cluster.ClusterLock;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketEvents;
import dev.rightsdesk.ticket.TicketStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Keeps a ticket from stalling silently: when an approved ticket's effective due date is within a threshold
 * ({@code rightsdesk.deadline-watch.warn-days}, default 7 and 2 days) and its work is not done (tasks without a
 * final answer, a {@link dev.rightsdesk.fanout.CompletionGate} holding it, or not yet carried to the systems),
 * flags it and emits one {@code deadline-warning} ticket event per threshold. One replica at a time.
 */
@ApplicationScoped
public class DeadlineWatch {

    static final String LOCK = "deadline-watch";
    static final int PAGE = 200;
    private static final Logger LOG = Logger.getLogger(DeadlineWatch.class);
    /** Approved or waiting for approval, not yet ready for the response: the statuses where work is owed. */
    private static final List<TicketStatus> WATCHED =
            List.of(TicketStatus.PENDING_REVIEW, TicketStatus.IN_PROGRESS, TicketStatus.AWAITING_SYSTEMS);

    private final ClusterLock lock;
    private final DeadlineWatchConfig config;
    private final StatutoryClock statutory;
    private final TaskCompletion completion;
    private final TicketEvents events;
    private final Clock clock;

    public DeadlineWatch(ClusterLock lock, DeadlineWatchConfig config, StatutoryClock statutory,
            TaskCompletion completion, TicketEvents events, Clock clock) {
        this.lock = lock;
        this.config = config;
        this.statutory = statutory;
        this.completion = completion;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(every = "${rightsdesk.deadline-watch.interval:1h}", delayed = "30s", identity = "deadline-watch",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            runOnce(LocalDate.now(clock.withZone(statutory.zone())));
        } catch (RuntimeException e) {
            LOG.warnf("Deadline watch round failed, will run again: %s", e.getClass().getSimpleName());
        }
    }

    /**
     * Warns about every watched ticket as of {@code today} (the controller's date); returns the warnings given, or -1
     * when another replica held the lock and this round did nothing.
     */
    public int runOnce(LocalDate today) {
        List<Integer> thresholds = config.warnDays().stream().filter(d -> d >= 0).distinct().sorted().toList();
        int warned = 0;
        Integer lower = null;
        for (int threshold : thresholds) {
            Integer below = lower;
            int got;
            do {
                got = QuarkusTransaction.requiringNew().call(() -> page(today, threshold, below));
                if (got < 0) {
                    return warned == 0 ? -1 : warned;
                }
                warned += got;
            } while (got == PAGE);
            lower = threshold;
        }
        return warned;
    }

    /** Tickets due in (today + lower, today + threshold] not yet warned at this threshold; -1 if locked elsewhere. */
    private int page(LocalDate today, int threshold, Integer lower) {
        if (!lock.tryLock(LOCK)) {
            return -1;
        }
        String query = "from Ticket t where t.status in ?1 and t.effectiveDue <= ?2"
                + (lower == null ? "" : " and t.effectiveDue > ?4")
                + " and not exists (from DeadlineWarning w where w.ticketId = t.id and w.thresholdDays = ?3"
                + " and w.dueDate = t.effectiveDue) order by t.effectiveDue, t.id";
        var find = lower == null
                ? Ticket.<Ticket>find(query, WATCHED, today.plusDays(threshold), threshold)
                : Ticket.<Ticket>find(query, WATCHED, today.plusDays(threshold), threshold, today.plusDays(lower));
        List<Ticket> due = find.page(0, PAGE).list();
        int warned = 0;
        for (Ticket candidate : due) {
            Ticket ticket = Ticket.findById(candidate.id, LockModeType.PESSIMISTIC_WRITE);
            Map<String, Object> openWork = openWork(ticket);
            if (openWork == null) {
                continue;
            }
            warn(ticket, threshold, today, openWork);
            warned++;
        }
        // Another page only when this one was full and all warned: skipped tickets would come back again.
        return warned;
    }

    /** What keeps the ticket from being ready, without personal data; null when nothing does. */
    private Map<String, Object> openWork(Ticket ticket) {
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (Task t : Task.forTicket(ticket.id)) {
            if (!t.isFinal()) {
                Map<String, Object> task = new LinkedHashMap<>();
                task.put("taskId", t.id);
                task.put("system", t.systemKey);
                task.put("state", t.state);
                task.put("replyDue", t.replyDue);
                tasks.add(task);
            }
        }
        List<String> gates = completion.blockingGates(ticket.id);
        if (ticket.status == TicketStatus.AWAITING_SYSTEMS && tasks.isEmpty() && gates.isEmpty()) {
            return null;
        }
        Map<String, Object> work = new LinkedHashMap<>();
        work.put("openTasks", tasks);
        work.put("blockedBy", gates);
        return work;
    }

    private void warn(Ticket ticket, int threshold, LocalDate today, Map<String, Object> openWork) {
        DeadlineWarning w = new DeadlineWarning();
        w.ticketId = ticket.id;
        w.thresholdDays = threshold;
        w.dueDate = ticket.effectiveDue;
        w.warnedAt = clock.instant();
        w.persist();
        ticket.flagged = true;
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("thresholdDays", threshold);
        detail.put("effectiveDue", ticket.effectiveDue);
        detail.put("daysLeft", statutory.calendarDaysLeft(today, ticket.effectiveDue));
        detail.putAll(openWork);
        events.announce(ticket, FanoutEvents.DEADLINE_WARNING, ticket.status, detail);
        LOG.infof("Ticket %s flagged: due %s, within %d days, work still open", ticket.id, ticket.effectiveDue, threshold);
    }
}
