package dev.rightsdesk.ticket;

import dev.rightsdesk.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Announces ticket changes on {@value #TOPIC} through the outbox. The data names ids, types, statuses
 * and dates only: never the subject's identity or the request's details.
 */
@ApplicationScoped
public class TicketEvents {

    public static final String TOPIC = "dsr.ticket-events";

    /** Event names; the CloudEvent type is {@code dev.rightsdesk.ticket.<name>.v1}. */
    public static final String RECEIVED = "received";
    public static final String VERIFIED = "verified";
    public static final String APPROVED = "approved";
    public static final String STATUS_CHANGED = "status-changed";
    /** Approved and carried to the connected systems: one task each. */
    public static final String FANNED_OUT = "fanned-out";
    public static final String EXTENDED = "extended";
    public static final String REFUSED = "refused";
    public static final String READY_FOR_RESPONSE = "ready-for-response";
    public static final String COMPLETED = "completed";
    public static final String EXPIRED = "expired";

    /** Payload of every ticket event. {@code detail} carries event-specific, non-personal facts. */
    public record TicketEventData(
            UUID ticketId,
            RequestType requestType,
            TicketStatus status,
            TicketStatus previousStatus,
            LocalDate effectiveDue,
            Instant occurredAt,
            Map<String, Object> detail) {
    }

    private final Outbox outbox;
    private final Event<TicketAnnounced> announced;

    public TicketEvents(Outbox outbox, Event<TicketAnnounced> announced) {
        this.outbox = outbox;
        this.announced = announced;
    }

    public static String type(String name) {
        return "dev.rightsdesk.ticket." + name + ".v1";
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID announce(Ticket ticket, String name, TicketStatus previous, Map<String, Object> detail) {
        var data = new TicketEventData(ticket.id, ticket.type, ticket.status, previous, ticket.effectiveDue,
                Instant.now(), detail == null ? Map.of() : new LinkedHashMap<>(detail));
        UUID eventId = outbox.append(TOPIC, ticket.id.toString(), type(name), ticket.id.toString(), data);
        // Synchronous: observers (the audit trail) write in this transaction, so no event goes unaudited.
        announced.fire(new TicketAnnounced(eventId, name, data));
        return eventId;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID announce(Ticket ticket, String name) {
        return announce(ticket, name, null, null);
    }
}
