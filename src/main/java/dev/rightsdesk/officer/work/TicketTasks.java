package dev.rightsdesk.officer.work;

import java.util.List;
import java.util.UUID;

/**
 * The officer's view of the fan-out: a ticket's tasks and the two things an officer does with one (re-send it,
 * or mark it done by hand with evidence for a system without a connector). {@link FanoutTicketTasks} implements
 * it over the fan-out; the officer side depends on this interface only.
 */
public interface TicketTasks {

    List<TaskView> of(UUID ticketId);

    /** Whether any task still waits for its system (closure is refused then). */
    default boolean anyOpen(UUID ticketId) {
        return of(ticketId).stream().anyMatch(TaskView::open);
    }

    /** Sends the task to its system again; 404 if the ticket has no such task, 409 if it cannot be re-sent. */
    TaskView resend(UUID ticketId, UUID taskId, String actor, String reason);

    /**
     * Records the task's outcome by hand, with the evidence.
     *
     * @param outcome COMPLETED, NOT_FOUND, PARTIAL or FAILED
     */
    TaskView completeManually(UUID ticketId, UUID taskId, String actor, String outcome, String evidence);

    /** Asks the fan-out to move the ticket on now that an officer's reason to hold it (a decision) is gone. */
    void reconsider(UUID ticketId);
}
