package dev.rightsdesk.intake.rest;

import dev.rightsdesk.ticket.RequestType;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What the subject may see of a request: no identity, no details. */
public record RequestStatusView(
        UUID id,
        RequestType type,
        TicketStatus status,
        Instant receivedAt,
        LocalDate dueDate,
        boolean extended,
        LocalDate nominalDueDate,
        String statusUrl) {

    public static RequestStatusView of(Ticket t) {
        return new RequestStatusView(t.id, t.type, t.status, t.receivedAt, t.effectiveDue, t.extended, t.nominalDue,
                IntakeResource.PATH + "/" + t.id);
    }
}
