package dev.rightsdesk.officer.work;

import dev.rightsdesk.ai.remediation.RemediationEvidence;
import dev.rightsdesk.ai.remediation.RemediationState;
import java.util.List;
import java.util.UUID;

/**
 * The officer's view of the model remediations a ticket caused (AI rights); {@link AiModelRemediations}
 * implements it over the AI feature's remediation service.
 */
public interface ModelRemediations {

    List<RemediationView> of(UUID ticketId);

    default boolean anyOpen(UUID ticketId) {
        return of(ticketId).stream().anyMatch(RemediationView::open);
    }

    /** Records a step (a remedy with its evidence, or RESOLVED); 404 if the ticket has no such remediation. */
    RemediationView recordOutcome(UUID ticketId, UUID remediationId, String actor, RemediationState state,
            RemediationEvidence evidence);
}
