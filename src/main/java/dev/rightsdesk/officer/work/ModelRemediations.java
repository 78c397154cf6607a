package dev.rightsdesk.officer.work;

import java.util.List;
import java.util.UUID;

/**
 * The officer's view of the model remediations a ticket caused (AI rights). {@link NoModelRemediations} stands in
 * while there are none in this build.
 */
public interface ModelRemediations {

    List<RemediationView> of(UUID ticketId);

    default boolean anyOpen(UUID ticketId) {
        return of(ticketId).stream().anyMatch(RemediationView::open);
    }

    /** Records the outcome with its evidence; 404 if the ticket has no such remediation. */
    RemediationView recordOutcome(UUID ticketId, UUID remediationId, String actor, String outcome, String evidence);
}
