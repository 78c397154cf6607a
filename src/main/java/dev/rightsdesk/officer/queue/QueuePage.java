package dev.rightsdesk.officer.queue;

import dev.rightsdesk.ticket.TicketStatus;
import java.util.List;
import java.util.Map;

/**
 * One page of the queue, ordered by effective due date, with the counts an officer scans first: tickets per
 * status (over all tickets), open tickets overdue, open tickets flagged.
 */
public record QueuePage(
        List<QueueItem> items,
        int page,
        int size,
        long total,
        int totalPages,
        Map<TicketStatus, Long> countsByStatus,
        long overdue,
        long flagged) {

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < totalPages;
    }

    public int previousPage() {
        return page - 1;
    }

    public int nextPage() {
        return page + 1;
    }

    /** Counted from 1, as people count pages. */
    public int pageNumber() {
        return page + 1;
    }
}
