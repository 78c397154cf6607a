package dev.rightsdesk.officer.action;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rightsdesk.ai.exclusion.ExclusionService;
import dev.rightsdesk.officer.action.ActionRequests.ManualCompletion;
import dev.rightsdesk.officer.action.ActionRequests.ObjectionDecisionRequest;
import dev.rightsdesk.officer.action.ActionRequests.RemediationOutcome;
import dev.rightsdesk.officer.action.ActionRequests.TaskResend;
import dev.rightsdesk.officer.work.ModelRemediations;
import dev.rightsdesk.officer.work.RemediationView;
import dev.rightsdesk.officer.work.TaskView;
import dev.rightsdesk.officer.work.TicketTasks;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
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

    private final TicketService tickets;
    private final ActionAudit audit;
    private final TicketTasks tasks;
    private final ModelRemediations remediations;
    private final ExclusionService exclusions;
    private final ObjectMapper mapper;

    public CaseWorkActions(TicketService tickets, ActionAudit audit, TicketTasks tasks, ModelRemediations remediations,
            ExclusionService exclusions, ObjectMapper mapper) {
        this.tickets = tickets;
        this.audit = audit;
        this.tasks = tasks;
        this.remediations = remediations;
        this.exclusions = exclusions;
        this.mapper = mapper;
    }

    /**
     * Records the balancing of an objection (Art. 21(1)) through the AI rights feature, which keeps the decision,
     * lifts the training exclusion when compelling grounds override the objection, and announces
     * {@code objection-upheld} or {@code objection-overruled} (the subject is told). An objection to direct
     * marketing (21(2)/(3)) is absolute: compelling grounds are refused there.
     */
    public Ticket decideObjection(UUID id, String actor, @Valid ObjectionDecisionRequest request) {
        Ticket t = tickets.get(id);
        ExclusionService.ObjectionDecisionView decision = exclusions.recordObjectionDecision(t.id,
                request.compellingGrounds(), request.reasons(), actor);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("compellingGrounds", decision.compellingGrounds());
        detail.put("event", decision.event());
        detail.put("liftedEntries", decision.liftedEntries());
        audit.record(t, "objection-decision", actor, detail, request.reasons());
        // The balancing gate held the ticket; with the decision on file it may now be ready for the response.
        tasks.reconsider(t.id);
        return t;
    }

    public TaskView resendTask(UUID id, UUID taskId, String actor, @Valid TaskResend request) {
        Ticket t = tickets.get(id);
        ActionAudit.requireOpen(t);
        TaskView task = tasks.resend(t.id, taskId, actor, request.reason());
        audit.record(t, "task-resend", actor, Map.of("taskId", taskId, "system", String.valueOf(task.system())),
                request.reason());
        return task;
    }

    /**
     * Marks an identifier the subject typed as verified (Art. 12(6)): from then on commands say so, and connected
     * systems may look the subject up by it. Only an identifier the subject gave; audited with the officer's reason.
     * Tasks already answered are not sent again by this: the officer re-sends those that should look again.
     */
    public Ticket verifyIdentifier(UUID id, String type, String actor, @Valid ActionRequests.IdentifierVerification request) {
        Ticket t = tickets.get(id);
        ActionAudit.requireOpen(t);
        if (!subjectGave(t, type)) {
            throw dev.rightsdesk.platform.error.ProblemException.notFound("Identifier");
        }
        if (!t.markIdentifierVerified(type)) {
            throw dev.rightsdesk.platform.error.ProblemException.conflict("identifier-already-verified",
                    "Identifier already verified", "This identifier of the ticket is already verified");
        }
        t.updatedAt = java.time.Instant.now();
        audit.record(t, "identifier-verified", actor, Map.of("identifier", type), request.reason());
        return t;
    }

    private boolean subjectGave(Ticket t, String type) {
        if ("name".equals(type)) {
            return t.subjectName != null;
        }
        if (t.subjectIdentifiersJson == null) {
            return false;
        }
        try {
            return mapper.readTree(t.subjectIdentifiersJson).hasNonNull(type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return false;
        }
    }

    public TaskView completeTaskManually(UUID id, UUID taskId, String actor, @Valid ManualCompletion request) {
        Ticket t = tickets.get(id);
        ActionAudit.requireOpen(t);
        TaskView task = tasks.completeManually(t.id, taskId, actor, request.outcome(), request.evidence());
        audit.record(t, "task-manual-completion", actor, Map.of("taskId", taskId, "system", String.valueOf(task.system()),
                "outcome", task.state()), request.evidence());
        return task;
    }

    public RemediationView recordRemediationOutcome(UUID id, UUID remediationId, String actor,
            @Valid RemediationOutcome request) {
        Ticket t = tickets.get(id);
        RemediationView remediation = remediations.recordOutcome(t.id, remediationId, actor, request.state(),
                request.evidence());
        audit.record(t, "remediation-outcome", actor,
                Map.of("remediationId", remediationId, "state", request.state()), evidenceText(request.evidence()));
        return remediation;
    }

    /** The evidence as the audit keeps it: encrypted like any reason, since an assessment may name people. */
    private String evidenceText(Object evidence) {
        try {
            return evidence == null ? null : mapper.writeValueAsString(evidence);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
