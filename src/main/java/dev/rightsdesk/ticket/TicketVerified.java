package dev.rightsdesk.ticket;

/**
 * Fired synchronously, inside the verifying transaction, once the subject's identity is confirmed and
 * before any approval: the moment the AI-rights feature puts the subject on the training-exclusion list.
 */
public record TicketVerified(Ticket ticket, String actor) {
}
