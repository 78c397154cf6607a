package dev.rightsdesk.ticket;

import java.util.Map;

/**
 * The work an approved ticket needs before it can be answered, published by the core and done by the fan-out
 * (one implementation). {@link TicketService} calls it as named steps and decides every status move itself, so
 * no observer of an event chooses where a ticket goes next.
 */
public interface TicketWork {

    /**
     * Starts the work for a ticket that was just approved, in the caller's transaction (tasks and their commands
     * commit with the approval).
     */
    Started start(Ticket ticket);

    /** Whether anything still holds the ticket open: a task without a final answer or a completion gate. */
    boolean holds(Ticket ticket);

    /** Event detail for the move to READY_FOR_RESPONSE: one entry per system, never personal data. */
    Map<String, Object> summary(Ticket ticket);

    /**
     * What {@link #start} began.
     *
     * @param waiting whether the ticket now waits for systems (or a gate); false when nothing was asked
     * @param detail  event detail of the move that follows, without personal data
     */
    record Started(boolean waiting, Map<String, Object> detail) {
    }
}
