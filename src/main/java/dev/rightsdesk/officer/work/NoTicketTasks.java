package dev.rightsdesk.officer.work;

import dev.rightsdesk.platform.error.ProblemException;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** No fan-out in this build: tickets have no tasks. Replaced by any other {@link TicketTasks} bean. */
@DefaultBean
@ApplicationScoped
public class NoTicketTasks implements TicketTasks {

    @Override
    public List<TaskView> of(UUID ticketId) {
        return List.of();
    }

    @Override
    public TaskView resend(UUID ticketId, UUID taskId, String actor) {
        throw ProblemException.notFound("Task");
    }

    @Override
    public TaskView completeManually(UUID ticketId, UUID taskId, String actor, String evidence) {
        throw ProblemException.notFound("Task");
    }
}
