package dev.rightsdesk.officer.action;

import dev.rightsdesk.intake.RequestDetails;
import dev.rightsdesk.officer.action.ActionRequests.ManualCompletion;
import dev.rightsdesk.officer.action.ActionRequests.ObjectionDecisionRequest;
import dev.rightsdesk.officer.action.ActionRequests.RemediationOutcome;
import dev.rightsdesk.officer.action.ActionRequests.TaskResend;
import dev.rightsdesk.officer.decision.ObjectionDecision;
import dev.rightsdesk.officer.work.ModelRemediations;
import dev.rightsdesk.officer.work.ObjectionEffects;
import dev.rightsdesk.officer.work.RemediationView;
import dev.rightsdesk.officer.work.TaskView;
import dev.rightsdesk.officer.work.TicketTasks;
import dev.rightsdesk.platform.error.ProblemException;
import dev.rightsdesk.ticket.RequestType;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketEvents;
import dev.rightsdesk.ticket.TicketService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The officer's work on what a ticket set in motion: the Art. 21(1) balancing decision, tasks at connected
 * systems (re-send, done by hand) and model remediations. Audited like every action.
 */
@ApplicationScoped
@Transactional
public class CaseWorkActions {

    /** Ticket events of the Art. 21(1) decision; the subject notice consumer listens for both. */
    public static final String OBJECTION_UPHELD = "objection-upheld";
    public static final String OBJECTION_OVERRULED = "objection-overruled";

    private final TicketService tickets;
    private final TicketEvents events;
    private final ActionAudit audit;
    private final TicketTasks tasks;
    private final ModelRemediations remediations;
    private final ObjectionEffects objectionEffects;

    public CaseWorkActions(TicketService tickets, TicketEvents events, ActionAudit audit, TicketTasks tasks,
            ModelRemediations remediations, ObjectionEffects objectionEffects) {
        this.tickets = tickets;
        this.events = events;
        this.audit = audit;
        this.tasks = tasks;
        this.remediations = remediations;
        this.objectionEffects = objectionEffects;
    }

    /**
     * Records the balancing of an objection on legitimate interest or public task (Art. 21(1)): without compelling
     * grounds the objection is upheld (processing stops, the exclusion stays); with them it is overruled and the
     * subject is told the reasons. An objection to direct marketing (21(2)/(3)) is absolute: nothing to balance.
     */
    public Ticket decideObjection(UUID id, String actor, @Valid ObjectionDecisionRequest request) {
        Ticket t = tickets.get(id);
        ActionAudit.requireOpen(t);
        RequestDetails.Objection objection = objectionOf(t);
        if (objection.basis() != RequestDetails.ObjectionBasis.LEGITIMATE_INTEREST) {
            throw ProblemException.refused("no-balancing", "Nothing to balance",
                    "An objection to direct marketing (Art. 21(2)/(3)) is absolute; no compelling grounds can override it");
        }
        if (!t.isVerified()) {
            throw ProblemException.conflict("not-verified", "Identity not verified",
                    "The objection is decided only after the subject's identity is verified");
        }
        if (ObjectionDecision.findById(t.id) != null) {
            throw ProblemException.conflict("already-decided", "Already decided",
                    "The balancing on this objection was recorded before");
        }
        ObjectionDecision decision = new ObjectionDecision();
        decision.ticketId = t.id;
        decision.compellingGrounds = request.compellingGrounds();
        decision.reasons = request.reasons();
        decision.actor = actor;
        decision.at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        decision.persist();
        objectionEffects.decided(t, decision.compellingGrounds, actor);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("compellingGrounds", decision.compellingGrounds);
        detail.put("purposes", objection.purposes());
        events.announce(t, decision.compellingGrounds ? OBJECTION_OVERRULED : OBJECTION_UPHELD, t.status, detail);
        audit.record(t, "objection-decision", actor, detail, request.reasons());
        return t;
    }

    public TaskView resendTask(UUID id, UUID taskId, String actor, @Valid TaskResend request) {
        Ticket t = tickets.get(id);
        ActionAudit.requireOpen(t);
        TaskView task = tasks.resend(t.id, taskId, actor);
        audit.record(t, "task-resend", actor, Map.of("taskId", taskId, "system", String.valueOf(task.system())),
                request == null ? null : request.reason());
        return task;
    }

    public TaskView completeTaskManually(UUID id, UUID taskId, String actor, @Valid ManualCompletion request) {
        Ticket t = tickets.get(id);
        ActionAudit.requireOpen(t);
        TaskView task = tasks.completeManually(t.id, taskId, actor, request.evidence());
        audit.record(t, "task-manual-completion", actor, Map.of("taskId", taskId, "system", String.valueOf(task.system())),
                request.evidence());
        return task;
    }

    public RemediationView recordRemediationOutcome(UUID id, UUID remediationId, String actor,
            @Valid RemediationOutcome request) {
        Ticket t = tickets.get(id);
        RemediationView remediation = remediations.recordOutcome(t.id, remediationId, actor, request.outcome(),
                request.evidence());
        audit.record(t, "remediation-outcome", actor,
                Map.of("remediationId", remediationId, "outcome", request.outcome()), request.evidence());
        return remediation;
    }

    private static RequestDetails.Objection objectionOf(Ticket t) {
        if (t.type != RequestType.OBJECTION) {
            throw ProblemException.refused("not-an-objection", "Not an objection",
                    "The balancing decision of Art. 21(1) applies to objections only");
        }
        try {
            return RequestDetails.STRICT.readValue(t.detailsJson, RequestDetails.Objection.class);
        } catch (IOException e) {
            throw new IllegalStateException("Stored objection details of ticket " + t.id + " are unreadable", e);
        }
    }
}
