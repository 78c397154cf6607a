package dev.rightsdesk.ticket;

import java.util.UUID;

/**
 * Fired synchronously by {@link TicketEvents#announce}, inside the announcing transaction, after the event was
 * written to the outbox. The audit trail observes it, so every ticket event is audited in the same commit.
 */
public record TicketAnnounced(UUID eventId, String name, TicketEvents.TicketEventData data) {
}
