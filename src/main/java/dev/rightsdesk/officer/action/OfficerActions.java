package dev.rightsdesk.officer.action;

import dev.rightsdesk.deadline.Deadline;
import dev.rightsdesk.deadline.ExtensionRefused;
import dev.rightsdesk.deadline.StatutoryClock;
import dev.rightsdesk.officer.TicketDeadline;
import dev.rightsdesk.officer.action.ActionRequests.Approval;
import dev.rightsdesk.officer.action.ActionRequests.Assignment;
import dev.rightsdesk.officer.action.ActionRequests.Closure;
import dev.rightsdesk.officer.action.ActionRequests.Extension;
import dev.rightsdesk.officer.action.ActionRequests.Note;
import dev.rightsdesk.officer.action.ActionRequests.Refusal;
import dev.rightsdesk.officer.action.ActionRequests.Verification;
import dev.rightsdesk.officer.action.TicketPolicy.Action;
import dev.rightsdesk.officer.decision.ComplaintRights;
import dev.rightsdesk.platform.error.ProblemException;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketEvents;
import dev.rightsdesk.ticket.TicketService;
import dev.rightsdesk.ticket.TicketStatus;
import dev.rightsdesk.ticket.decision.RefusalGround;
import dev.rightsdesk.ticket.decision.RefusalScope;
import dev.rightsdesk.ticket.decision.TicketRefusal;
import dev.rightsdesk.ticket.decision.TicketResponse;
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
    private final TicketPolicy policy;

    public OfficerActions(TicketService tickets, TicketEvents events, ActionAudit audit, StatutoryClock clock,
            ComplaintRights complaintRights, TicketPolicy policy) {
        this.tickets = tickets;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.complaintRights = complaintRights;
        this.policy = policy;
    }

    /** Identity checked by hand (post, phone): to review, or on to fan-out when review is off. */
    public Ticket verify(UUID id, String actor, @Valid Verification request) {
        Ticket t = tickets.get(id);
        policy.require(t, Action.VERIFICATION);
        tickets.verify(t, actor, request.reason());
        record(t, "verification", actor, Map.of("method", request.method()), request.reason());
        return t;
    }

    /** Starts the fan-out; refused (409) for an unverified ticket or one not waiting for review. */
    public Ticket approve(UUID id, String actor, @Valid Approval request) {
        Ticket t = tickets.get(id);
        String reason = request == null ? null : request.reason();
        policy.require(t, Action.APPROVAL);
        tickets.approve(t, actor, reason);
        record(t, "approval", actor, Map.of(), reason);
        return t;
    }

    /** Refuses in whole (the ticket closes) or in part (the rest goes on); the subject is told, with D5's rights. */
    public Ticket refuse(UUID id, String actor, @Valid Refusal request) {
        Ticket t = tickets.get(id);
        policy.require(t, Action.REFUSAL);
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
            tickets.refuse(t, actor, request.reasons(), detail);
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
        policy.require(t, Action.EXTENSION);
        String reason = request == null ? null : request.reason();
        Deadline extended;
        try {
            extended = clock.extend(TicketDeadline.of(t), TicketDeadline.today(t), reason);
        } catch (ExtensionRefused e) {
            throw refused(e);
        }
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

    /** The clock's refusal as the 422 problem the API documents; the clock itself knows no web type. */
    static ProblemException refused(ExtensionRefused e) {
        return e.field() == null
                ? ProblemException.refused(e.rule(), e.title(), e.getMessage())
                : ProblemException.refused(e.rule(), e.title(), e.getMessage(),
                        new ProblemException.FieldViolation(e.field(), "must not be blank"));
    }

    /** Assigns the ticket to a staff user, or unassigns it with a null assignee. */
    public Ticket assign(UUID id, String actor, @Valid Assignment request) {
        Ticket t = tickets.get(id);
        policy.require(t, Action.ASSIGNMENT);
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
        policy.require(t, t.status == TicketStatus.PENDING_REVIEW ? Action.CLOSURE_BY_HAND : Action.CLOSURE);
        TicketResponse response = new TicketResponse();
        response.ticketId = t.id;
        response.response = request.response();
        response.actor = actor;
        response.at = now();
        response.persist();
        tickets.close(t, actor, request.reason());
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
