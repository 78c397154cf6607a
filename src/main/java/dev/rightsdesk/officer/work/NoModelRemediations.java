package dev.rightsdesk.officer.work;

import dev.rightsdesk.platform.error.ProblemException;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** No model remediations in this build. Replaced by any other {@link ModelRemediations} bean. */
@DefaultBean
@ApplicationScoped
public class NoModelRemediations implements ModelRemediations {

    @Override
    public List<RemediationView> of(UUID ticketId) {
        return List.of();
    }

    @Override
    public RemediationView recordOutcome(UUID ticketId, UUID remediationId, String actor, String outcome, String evidence) {
        throw ProblemException.notFound("Remediation");
    }
}
