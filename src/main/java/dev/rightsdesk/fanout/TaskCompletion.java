package dev.rightsdesk.fanout;

import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Knows when a ticket's work is done: every task final (see {@link TaskState}) and no {@link CompletionGate}
 * blocking; {@link TicketService#reconsider} decides the move. The move carries a per-system summary with no
 * personal data.
 */
@ApplicationScoped
public class TaskCompletion {

    private final TicketService tickets;
    private final Instance<CompletionGate> gates;

    public TaskCompletion(TicketService tickets, @Any Instance<CompletionGate> gates) {
        this.tickets = tickets;
        this.gates = gates;
    }

    /**
     * Moves {@code ticket} (locked by the caller) to READY_FOR_RESPONSE if nothing holds it; true if moved. The
     * decision is {@link TicketService#reconsider}'s; this is the name the fan-out's steps call it by.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean reconsider(Ticket ticket) {
        return tickets.reconsider(ticket);
    }

    /** Whether a task without a final answer or a gate holds the ticket open. */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean holds(UUID ticketId) {
        // A count first: a ticket with ten tasks is reconsidered after each answer, and only the last one moves it.
        return Task.unfinished(ticketId) > 0 || !blockingGates(ticketId).isEmpty();
    }

    /** Names of the gates that hold the ticket open now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> blockingGates(UUID ticketId) {
        List<String> blocking = new ArrayList<>();
        for (CompletionGate gate : gates) {
            if (gate.blocksCompletion(ticketId)) {
                blocking.add(gate.name());
            }
        }
        return blocking;
    }

    /** {@link #summary} of tasks created in this very transaction: they cannot have dataset or model versions yet. */
    public static List<Map<String, Object>> summaryOfNew(List<Task> tasks) {
        return summary(tasks, Map.of(), Map.of());
    }

    /** One entry per task: system, kind, action, state, attempts and counts; never answer data or free text. */
    public static List<Map<String, Object>> summary(List<Task> tasks) {
        List<UUID> ids = tasks.stream().map(t -> t.id).collect(Collectors.toList());
        // Two queries for all tasks, not two per task: each query makes Hibernate flush the session first.
        Map<UUID, List<TaskDatasetVersion>> datasets = ids.isEmpty() ? Map.of()
                : TaskDatasetVersion.<TaskDatasetVersion>list("taskId in ?1", ids).stream()
                        .collect(Collectors.groupingBy(d -> d.taskId));
        Map<UUID, Long> models = new HashMap<>();
        if (!ids.isEmpty()) {
            TaskModelVersion.getEntityManager().createQuery("select m.taskId, count(m) from TaskModelVersion m"
                    + " where m.taskId in ?1 group by m.taskId", Object[].class).setParameter(1, ids).getResultList()
                    .forEach(row -> models.put((UUID) row[0], (Long) row[1]));
        }
        return summary(tasks, datasets, models);
    }

    private static List<Map<String, Object>> summary(List<Task> tasks, Map<UUID, List<TaskDatasetVersion>> datasets,
            Map<UUID, Long> models) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Task t : tasks) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("system", t.systemKey);
            s.put("kind", t.systemKind);
            s.put("taskId", t.id);
            s.put("state", t.state);
            s.put("attempts", t.attempts);
            s.put("byHand", t.completedBy != null && !TicketService.SYSTEM.equals(t.completedBy));
            s.put("answerReceived", t.answerData != null);
            List<TaskDatasetVersion> versions = datasets.getOrDefault(t.id, List.of());
            if (!versions.isEmpty()) {
                s.put("datasetVersions", versions.size());
                s.put("recordsRemoved", versions.stream().mapToLong(d -> d.recordsRemoved).sum());
                s.put("recordsExcluded", versions.stream().mapToLong(d -> d.recordsExcluded).sum());
            }
            long modelCount = models.getOrDefault(t.id, 0L);
            if (modelCount > 0) {
                s.put("modelVersions", modelCount);
            }
            out.add(s);
        }
        return out;
    }
}
