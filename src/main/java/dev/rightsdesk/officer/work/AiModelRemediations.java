package dev.rightsdesk.officer.work;

import dev.rightsdesk.ai.remediation.ModelRemediation;
import dev.rightsdesk.ai.remediation.RemediationEvidence;
import dev.rightsdesk.ai.remediation.RemediationService;
import dev.rightsdesk.ai.remediation.RemediationState;
import dev.rightsdesk.platform.error.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** {@link ModelRemediations} over the AI feature's {@link RemediationService}; joins the caller's transaction. */
@ApplicationScoped
@Transactional
public class AiModelRemediations implements ModelRemediations {

    private final RemediationService service;

    public AiModelRemediations(RemediationService service) {
        this.service = service;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RemediationView> of(UUID ticketId) {
        return ModelRemediation.forTicket(ticketId).stream().map(AiModelRemediations::view).toList();
    }

    @Override
    public RemediationView recordOutcome(UUID ticketId, UUID remediationId, String actor, RemediationState state,
            RemediationEvidence evidence) {
        ModelRemediation r = ModelRemediation.findById(remediationId);
        if (r == null || !r.ticketId.equals(ticketId)) {
            throw ProblemException.notFound("Remediation");
        }
        return view(service.record(remediationId, state, evidence, actor));
    }

    static RemediationView view(ModelRemediation r) {
        return new RemediationView(r.id, r.systemKey + ": " + r.modelName + " " + r.modelVersion, r.state.name(),
                r.dueDate, r.remedy == null ? null : r.remedy.name(), !r.isResolved());
    }
}
