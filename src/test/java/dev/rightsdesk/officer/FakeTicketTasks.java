package dev.rightsdesk.officer;

import dev.rightsdesk.officer.work.TaskView;
import dev.rightsdesk.officer.work.TicketTasks;
import dev.rightsdesk.platform.error.ProblemException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Tasks for the tickets a test puts here; every other ticket has none. Stands in for the fan-out in tests. */
@Alternative
@Priority(1)
@ApplicationScoped
public class FakeTicketTasks implements TicketTasks {

    static final Map<UUID, Map<UUID, TaskView>> TASKS = new ConcurrentHashMap<>();

    static UUID openTask(UUID ticketId, String system) {
        UUID taskId = UUID.randomUUID();
        TASKS.computeIfAbsent(ticketId, k -> new ConcurrentHashMap<>())
                .put(taskId, new TaskView(taskId, system, "FAILED", 3, "connection refused", null, Instant.now(), true));
        return taskId;
    }

    @Override
    public List<TaskView> of(UUID ticketId) {
        return List.copyOf(TASKS.getOrDefault(ticketId, Map.of()).values());
    }

    @Override
    public TaskView resend(UUID ticketId, UUID taskId, String actor) {
        TaskView t = find(ticketId, taskId);
        return put(ticketId, new TaskView(t.id(), t.system(), "SENT", t.attempts() + 1, null, null, Instant.now(), true));
    }

    @Override
    public TaskView completeManually(UUID ticketId, UUID taskId, String actor, String evidence) {
        TaskView t = find(ticketId, taskId);
        return put(ticketId, new TaskView(t.id(), t.system(), "DONE", t.attempts(), null, "completed by hand",
                Instant.now(), false));
    }

    private static TaskView find(UUID ticketId, UUID taskId) {
        TaskView t = TASKS.getOrDefault(ticketId, Map.of()).get(taskId);
        if (t == null) {
            throw ProblemException.notFound("Task");
        }
        return t;
    }

    private static TaskView put(UUID ticketId, TaskView t) {
        TASKS.get(ticketId).put(t.id(), t);
        return t;
    }
}
