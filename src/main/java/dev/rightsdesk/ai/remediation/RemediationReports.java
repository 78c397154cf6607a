package dev.rightsdesk.ai.remediation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rightsdesk.fanout.Task;
import dev.rightsdesk.fanout.results.TaskResultReceived;
import dev.rightsdesk.platform.error.ProblemException;
import dev.rightsdesk.system.SystemKind;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The AI-rights side of a model registry's task result ({@link TaskResultReceived}, inside the fan-out's
 * transaction): opens the remediations of the model versions just reported, and applies the progress the
 * registry reports in {@code data.remediations: [{model, version, state, evidence}]}. A report that is not
 * allowed or not backed by its evidence never fails the result: the ticket is flagged and the event
 * {@value #REJECTED} says why, and the other reports still apply.
 */
@ApplicationScoped
public class RemediationReports {

    public static final String REJECTED = "model-remediation-report-rejected";
    static final int MAX_REPORTS = 500;

    private static final Logger LOG = Logger.getLogger(RemediationReports.class);

    private final RemediationService remediations;
    private final TicketEvents events;
    private final ObjectMapper mapper;
    private final Validator validator;

    public RemediationReports(RemediationService remediations, TicketEvents events, ObjectMapper mapper, Validator validator) {
        this.remediations = remediations;
        this.events = events;
        this.mapper = mapper;
        this.validator = validator;
    }

    void onResult(@Observes TaskResultReceived received) {
        Task task = received.task();
        Ticket ticket = received.ticket();
        if (task.systemKind != SystemKind.MODEL_REGISTRY || !RemediationService.remediates(ticket.type)) {
            return;
        }
        remediations.openFor(ticket.id);
        JsonNode reports = received.result().remediations();
        if (reports == null || !reports.isArray()) {
            return;
        }
        if (reports.size() > MAX_REPORTS) {
            reject(ticket, task, -1, null, null, "too-many-reports", "remediations");
            return;
        }
        for (int i = 0; i < reports.size(); i++) {
            apply(ticket, task, i, reports.get(i));
        }
    }

    private void apply(Ticket ticket, Task task, int i, JsonNode report) {
        String model = text(report.path("model"));
        String version = text(report.path("version"));
        if (model == null || version == null) {
            reject(ticket, task, i, model, version, "invalid-report", "remediations[" + i + "].model/version");
            return;
        }
        RemediationState state;
        try {
            state = RemediationState.valueOf(report.path("state").asText(""));
        } catch (IllegalArgumentException e) {
            reject(ticket, task, i, model, version, "invalid-report", "remediations[" + i + "].state");
            return;
        }
        RemediationEvidence evidence;
        try {
            JsonNode e = report.path("evidence");
            evidence = e.isMissingNode() || e.isNull() ? RemediationEvidence.none() : mapper.treeToValue(e, RemediationEvidence.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            reject(ticket, task, i, model, version, "invalid-report", "remediations[" + i + "].evidence");
            return;
        }
        Set<ConstraintViolation<RemediationEvidence>> violations = validator.validate(evidence);
        if (!violations.isEmpty()) {
            String field = violations.iterator().next().getPropertyPath().toString();
            reject(ticket, task, i, model, version, "invalid-report", "remediations[" + i + "].evidence." + field);
            return;
        }
        List<ModelRemediation> found = ModelRemediation.forModel(ticket.id, task.systemKey, model, version);
        if (found.isEmpty()) {
            reject(ticket, task, i, model, version, "unknown-model-version", "remediations[" + i + "]");
            return;
        }
        for (ModelRemediation r : found) {
            if (r.state == state || (r.isResolved() && state.isRemedy() && r.remedy == state)) {
                continue; // reported again (a redelivered or repeated report): already there
            }
            try {
                remediations.record(r.id, state, evidence, "system:" + task.systemKey);
            } catch (ProblemException e) {
                String field = e.violations().isEmpty() ? "remediations[" + i + "]" : e.violations().get(0).field();
                reject(ticket, task, i, model, version, e.type(), field);
            }
        }
    }

    private void reject(Ticket ticket, Task task, int index, String model, String version, String problem, String field) {
        ticket.flagged = true;
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("taskId", task.id);
        d.put("system", task.systemKey);
        d.put("index", index);
        if (model != null) {
            d.put("model", model);
            d.put("modelVersion", version);
        }
        d.put("problem", problem);
        d.put("field", field);
        events.announce(ticket, REJECTED, null, d);
        LOG.warnf("Ticket %s: remediation report %d from %s rejected (%s at %s)", ticket.id, index, task.systemKey, problem, field);
    }

    private static String text(JsonNode n) {
        return n.isTextual() && !n.asText().isBlank() && n.asText().length() <= 200 ? n.asText().trim() : null;
    }
}
