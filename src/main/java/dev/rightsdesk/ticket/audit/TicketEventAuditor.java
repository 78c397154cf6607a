package dev.rightsdesk.ticket.audit;

import dev.rightsdesk.platform.security.CurrentActor;
import dev.rightsdesk.ticket.TicketAnnounced;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes every ticket event into the audit log, in the transaction that announced it. */
@ApplicationScoped
public class TicketEventAuditor {

    private final AuditTrail trail;
    private final CurrentActor actor;

    public TicketEventAuditor(AuditTrail trail, CurrentActor actor) {
        this.trail = trail;
        this.actor = actor;
    }

    void onAnnounced(@Observes TicketAnnounced announced) {
        var data = announced.data();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("eventId", announced.eventId());
        content.put("requestType", data.requestType());
        content.put("status", data.status());
        content.put("previousStatus", data.previousStatus());
        content.put("effectiveDue", data.effectiveDue());
        if (data.detail() != null && !data.detail().isEmpty()) {
            content.put("detail", data.detail());
        }
        trail.appendAtCommit(data.ticketId(), AuditEntry.EVENT, announced.name(), actor.name(), content, null);
    }
}
