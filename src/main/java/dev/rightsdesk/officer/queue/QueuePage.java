package dev.rightsdesk.officer.queue;

import dev.rightsdesk.ticket.TicketStatus;
import java.util.List;
import java.util.Map;

/**
 * One page of the queue, in the order asked for, with the counts an officer scans first: tickets per status (over
 * all tickets), open tickets overdue, open tickets flagged. {@code nameSearchCapped}: a name search looked at the
 * most recent tickets only (names are encrypted, so they are compared after decryption); narrow it with filters.
 */
public record QueuePage(
        List<QueueItem> items,
        int page,
        int size,
        long total,
        int totalPages,
        Map<TicketStatus, Long> countsByStatus,
        long overdue,
        long flagged,
        boolean nameSearchCapped) {

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
