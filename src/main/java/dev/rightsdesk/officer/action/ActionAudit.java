package dev.rightsdesk.officer.action;

import dev.rightsdesk.platform.error.ProblemException;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.audit.AuditEntry;
import dev.rightsdesk.ticket.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes an officer action into the audit trail, with the ticket's state after it. */
@ApplicationScoped
class ActionAudit {

    private final AuditTrail audit;

    ActionAudit(AuditTrail audit) {
        this.audit = audit;
    }

    /**
     * @param detail non-personal facts of the action (codes, ids, dates, user names)
     * @param reason the officer's words (reason, note, evidence), stored encrypted
     */
    @Transactional(Transactional.TxType.MANDATORY)
    long record(Ticket t, String action, String actor, Map<String, ?> detail, String reason) {
        Map<String, Object> content = new LinkedHashMap<>(detail);
        content.put("status", t.status);
        content.put("effectiveDue", t.effectiveDue);
        return audit.append(t.id, AuditEntry.ACTION, action, actor, content, reason);
    }

    static void requireOpen(Ticket t) {
        if (t.status.isClosed()) {
            throw ProblemException.conflict("ticket-closed", "The ticket is closed",
                    "A ticket in status " + t.status + " takes no more actions");
        }
    }
}
