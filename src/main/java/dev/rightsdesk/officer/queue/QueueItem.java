package dev.rightsdesk.officer.queue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.rightsdesk.ticket.RequestType;
import dev.rightsdesk.ticket.TicketReference;
import dev.rightsdesk.ticket.TicketStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One row of the queue. {@code subjectName} and {@code subjectEmail} are decrypted for the officer role only (the
 * people who work the tickets); admins and auditors get rows without them. {@code awaitingDecision}: an Art. 21(1)
 * objection whose balancing decision the officer has not recorded yet.
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
        boolean awaitingDecision,
        @JsonInclude(JsonInclude.Include.NON_NULL) String subjectName,
        @JsonInclude(JsonInclude.Include.NON_NULL) String subjectEmail) {

    /** The first block of the id: enough to tell tickets apart on screen. */
    public String shortId() {
        return id.toString().substring(0, 8);
    }

    /** The reference the subject sees on the status page and may quote. */
    @JsonProperty("reference")
    public String reference() {
        return TicketReference.of(id);
    }
}
