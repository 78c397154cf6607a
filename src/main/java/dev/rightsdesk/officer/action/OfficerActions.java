package dev.rightsdesk.officer.action;

import dev.rightsdesk.deadline.Deadline;
import dev.rightsdesk.deadline.StatutoryClock;
import dev.rightsdesk.officer.TicketDeadline;
import dev.rightsdesk.officer.action.ActionRequests.Approval;
import dev.rightsdesk.officer.action.ActionRequests.Assignment;
import dev.rightsdesk.officer.action.ActionRequests.Closure;
import dev.rightsdesk.officer.action.ActionRequests.Extension;
import dev.rightsdesk.officer.action.ActionRequests.Note;
import dev.rightsdesk.officer.action.ActionRequests.Refusal;
import dev.rightsdesk.officer.action.ActionRequests.Verification;
import dev.rightsdesk.officer.decision.BalancingGate;
import dev.rightsdesk.officer.decision.ComplaintRights;
import dev.rightsdesk.officer.decision.RefusalGround;
import dev.rightsdesk.officer.decision.RefusalScope;
import dev.rightsdesk.officer.decision.TicketRefusal;
import dev.rightsdesk.officer.decision.TicketResponse;
import dev.rightsdesk.officer.work.ModelRemediations;
import dev.rightsdesk.officer.work.TicketTasks;
import dev.rightsdesk.platform.error.ProblemException;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketEvents;
import dev.rightsdesk.ticket.TicketService;
import dev.rightsdesk.ticket.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The officer's decisions on one ticket. Each runs in one transaction: the change, its ticket event and its audit
 * entry (who, when, why) commit together, or an illegal action is refused with a problem and nothing is kept.
 */
@ApplicationScoped
@Transactional
public class OfficerActions {

    private static final Logger LOG = Logger.getLogger(OfficerActions.class);

    private final TicketService tickets;
    private final TicketEvents events;
    private final ActionAudit audit;
    private final StatutoryClock clock;
    private final ComplaintRights complaintRights;
    private final TicketTasks tasks;
    private final ModelRemediations remediations;
    private final BalancingGate balancing;

    public OfficerActions(TicketService tickets, TicketEvents events, ActionAudit audit, StatutoryClock clock,
            ComplaintRights complaintRights, TicketTasks tasks, ModelRemediations remediations,
            BalancingGate balancing) {
        this.tickets = tickets;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.complaintRights = complaintRights;
        this.tasks = tasks;
        this.remediations = remediations;
        this.balancing = balancing;
    }

    /** Identity checked by hand (post, phone): to review, or on to fan-out when review is off. */
    public Ticket verify(UUID id, String actor, @Valid Verification request) {
        Ticket t = tickets.get(id);
        ActionAudit.requireOpen(t);
        if (t.isVerified()) {
            throw ProblemException.conflict("already-verified", "Identity already verified",
                    "The subject's identity was verified before; nothing to do");
        }
        tickets.verify(t, actor, request.reason());
        record(t, "verification", actor, Map.of("method", request.method()), request.reason());
        return t;
    }

    /** Starts the fan-out; refused (409) for an unverified ticket or one not waiting for review. */
    public Ticket approve(UUID id, String actor, @Valid Approval request) {
        Ticket t = tickets.get(id);
        String reason = request == null ? null : request.reason();
        if (t.isVerified() && t.status != TicketStatus.PENDING_REVIEW) {
            // Approving twice would carry the ticket to the systems twice.
            throw ProblemException.conflict("not-pending-review", "Not waiting for review",
                    "Only a ticket waiting for review can be approved; this one is " + t.status);
        }
        tickets.approve(t, actor, reason);
        record(t, "approval", actor, Map.of(), reason);
        return t;
    }

    /** Refuses in whole (the ticket closes) or in part (the rest goes on); the subject is told, with D5's rights. */
    public Ticket refuse(UUID id, String actor, @Valid Refusal request) {
        Ticket t = tickets.get(id);
        ActionAudit.requireOpen(t);
        TicketRefusal refusal = new TicketRefusal();
        refusal.id = UUID.randomUUID();
        refusal.ticketId = t.id;
        refusal.scope = request.scope();
        refusal.grounds = request.grounds().stream().distinct().map(RefusalGround::name).collect(Collectors.joining(","));
        refusal.reasons = request.reasons();
        refusal.complaintRights = complaintRights.text(t.locale);
        refusal.actor = actor;
        refusal.at = now();
        refusal.persist();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("refusalId", refusal.id);
        detail.put("scope", refusal.scope);
        detail.put("grounds", refusal.grounds.split(","));
        // D5: the refusal is owed within the same deadline; a late one is still given, and marked.
        detail.put("late", TicketDeadline.today(t).isAfter(t.effectiveDue));
        if (request.scope() == RefusalScope.WHOLE) {
            tickets.move(t, TicketStatus.REFUSED, actor, request.reasons(), TicketEvents.REFUSED, detail);
        } else {
            events.announce(t, TicketEvents.REFUSED, t.status, detail);
        }
        record(t, "refusal", actor, detail, request.reasons());
        return t;
    }

    /**
     * D4: extends to receipt + 3 months, only on or before the due date and with a reason; the subject is told
     * through the {@code extended} event, the reason stays encrypted on the ticket for the notice.
     */
    public Ticket extend(UUID id, String actor, @Valid Extension request) {
        Ticket t = tickets.get(id);
        ActionAudit.requireOpen(t);
        String reason = request == null ? null : request.reason();
        Deadline extended = clock.extend(TicketDeadline.of(t), TicketDeadline.today(t), reason);
        t.extended = true;
        t.extensionReason = reason.trim();
        t.extendedAt = now();
        t.effectiveDue = extended.effectiveDue();
        t.updatedAt = t.extendedAt;
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("due", extended.due());
        detail.put("extendedNominalDue", extended.extendedNominalDue());
        detail.put("extendedDue", extended.extendedDue());
        events.announce(t, TicketEvents.EXTENDED, t.status, detail);
        record(t, "extension", actor, detail, reason);
        return t;
    }

    /** Assigns the ticket to a staff user, or unassigns it with a null assignee. */
    public Ticket assign(UUID id, String actor, @Valid Assignment request) {
        Ticket t = tickets.get(id);
        ActionAudit.requireOpen(t);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("from", t.assignee);
        content.put("to", request.assignee());
        t.assignee = request.assignee();
        t.updatedAt = now();
        record(t, "assignment", actor, content, request.reason());
        return t;
    }

    /**
     * A note for the file; kept (encrypted) in the audit trail only. Allowed in every status.
     *
     * @return the audit entry's pending id (see {@code AuditSealer.seqOf})
     */
    public long note(UUID id, String actor, @Valid Note request) {
        Ticket t = tickets.get(id);
        return record(t, "note", actor, Map.of(), request.text());
    }

    /**
     * Answers the subject and closes the ticket. Refused while a task or a model remediation is open, or for an
     * unverified ticket (refuse it instead).
     */
    public Ticket close(UUID id, String actor, @Valid Closure request) {
        Ticket t = tickets.get(id);
        ActionAudit.requireOpen(t);
        if (!t.isVerified()) {
            throw ProblemException.conflict("not-verified", "Identity not verified",
                    "A ticket is answered only after the subject's identity is verified; refuse it instead");
        }
        if (tasks.anyOpen(t.id)) {
            throw ProblemException.conflict("open-tasks", "Tasks are still open",
                    "Every connected system must answer (or its task be completed by hand) before the ticket is closed");
        }
        if (remediations.anyOpen(t.id)) {
            throw ProblemException.conflict("open-remediations", "Model remediations are still open",
                    "Every model remediation must have its outcome recorded before the ticket is closed");
        }
        if (balancing.owed(t)) {
            throw ProblemException.conflict("objection-undecided", "The objection awaits your decision",
                    "An objection on legitimate interest (Art. 21(1)) is answered only after the balancing decision"
                            + " is recorded: upheld, or overruled with compelling legitimate grounds");
        }
        if (t.status != TicketStatus.READY_FOR_RESPONSE) {
            tickets.move(t, TicketStatus.READY_FOR_RESPONSE, actor, "closing: nothing left to wait for",
                    TicketEvents.READY_FOR_RESPONSE, null);
        }
        TicketResponse response = new TicketResponse();
        response.ticketId = t.id;
        response.response = request.response();
        response.actor = actor;
        response.at = now();
        response.persist();
        tickets.move(t, TicketStatus.COMPLETED, actor, request.reason(), TicketEvents.COMPLETED, null);
        record(t, "closure", actor, Map.of(), request.reason());
        LOG.infof("Ticket %s closed by an officer", t.id);
        return t;
    }

    private long record(Ticket t, String action, String actor, Map<String, ?> detail, String reason) {
        return audit.record(t, action, actor, detail, reason);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
