package dev.rightsdesk.officer.queue;

import dev.rightsdesk.ticket.RequestType;
import dev.rightsdesk.ticket.TicketStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One row of the queue; no personal data (the ticket detail shows the subject to those allowed to see it).
 * {@code awaitingDecision}: an Art. 21(1) objection whose balancing decision the officer has not recorded yet.
 */
public record QueueItem(
        UUID id,
        RequestType type,
        TicketStatus status,
        String channel,
        Instant receivedAt,
        LocalDate effectiveDue,
        boolean extended,
        DaysLeft daysLeft,
        String assignee,
        boolean flagged,
        boolean verified,
        boolean awaitingDecision) {

    /** The first block of the id: enough to tell tickets apart on screen. */
    public String shortId() {
        return id.toString().substring(0, 8);
    }
}
