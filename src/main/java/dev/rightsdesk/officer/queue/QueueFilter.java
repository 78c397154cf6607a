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
 * @param email    the subject's e-mail address, matched exactly through the blind index; never logged
 * @param name     part of the subject's name, case- and accent-insensitive; never logged
 * @param ticket   a ticket id, a reference ({@code RD-3F2A9C1B}) or the first digits of an id
 * @param sort     the order; due date when null
 * @param descending latest (or last) first
 */
public record QueueFilter(
        List<TicketStatus> statuses,
        List<RequestType> types,
        Boolean overdue,
        Integer dueWithinDays,
        String assignee,
        Boolean flagged,
        int page,
        int size,
        String email,
        String name,
        String ticket,
        QueueSort sort,
        boolean descending) {

    public static final String UNASSIGNED = "none";

    public QueueFilter {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        types = types == null ? List.of() : List.copyOf(types);
        assignee = blank(assignee);
        email = blank(email);
        name = blank(name);
        ticket = blank(ticket);
        sort = sort == null ? QueueSort.DUE : sort;
    }

    /** Without search or sort: the queue as it always was, earliest due first. */
    public QueueFilter(List<TicketStatus> statuses, List<RequestType> types, Boolean overdue, Integer dueWithinDays,
            String assignee, Boolean flagged, int page, int size) {
        this(statuses, types, overdue, dueWithinDays, assignee, flagged, page, size, null, null, null, null, false);
    }

    /** Whether only open tickets are asked for, so the partial index applies. */
    public boolean openOnly() {
        return statuses.isEmpty() || statuses.stream().allMatch(TicketStatus::isOpen);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
