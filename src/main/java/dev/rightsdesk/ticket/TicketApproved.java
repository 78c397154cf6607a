package dev.rightsdesk.ticket;

/**
 * Fired synchronously, inside the approving transaction, when a verified ticket may be carried to the
 * connected systems. The fan-out observes it; the ticket package does not know who listens.
 */
public record TicketApproved(Ticket ticket, String actor) {
}
