package dev.rightsdesk.ai.exclusion;

import dev.rightsdesk.ticket.TicketVerified;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The exclusion takes effect as soon as the identity is verified, not at approval: an objection "at any
 * time" must hold for every training run that starts after it, also while the officer still reviews
 * (Art. 18(1)(d) restriction). Runs in the verifying transaction, so both commit or neither.
 */
@ApplicationScoped
public class ExcludeOnVerification {

    private final ExclusionService exclusions;

    public ExcludeOnVerification(ExclusionService exclusions) {
        this.exclusions = exclusions;
    }

    void onVerified(@Observes TicketVerified verified) {
        exclusions.excludeIfApplicable(verified.ticket());
    }
}
