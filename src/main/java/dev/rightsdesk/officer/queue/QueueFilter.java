package dev.rightsdesk.officer.queue;

import dev.rightsdesk.ticket.RequestType;
import dev.rightsdesk.ticket.TicketStatus;
import java.util.List;

/**
 * What the officer wants to see. Empty lists and nulls mean "any". Without statuses the queue shows the open
 * tickets only (the work), which the partial index {@code ticket_open_due_ix} serves.
 *
 * @param assignee a user name, {@value #UNASSIGNED} for tickets nobody has, or null for any
 * @param overdue  true: past the effective due date; false: not yet past it
 * @param dueWithinDays effective due date at most this many days from today (overdue ones included)
 * @param flagged  true: a system failed or the ticket was escalated
 */
public record QueueFilter(
        List<TicketStatus> statuses,
        List<RequestType> types,
        Boolean overdue,
        Integer dueWithinDays,
        String assignee,
        Boolean flagged,
        int page,
        int size) {

    public static final String UNASSIGNED = "none";

    public QueueFilter {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        types = types == null ? List.of() : List.copyOf(types);
        assignee = assignee == null || assignee.isBlank() ? null : assignee.trim();
    }

    /** Whether only open tickets are asked for, so the partial index applies. */
    public boolean openOnly() {
        return statuses.isEmpty() || statuses.stream().allMatch(TicketStatus::isOpen);
    }
}
