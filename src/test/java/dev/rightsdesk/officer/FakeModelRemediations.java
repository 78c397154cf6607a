package dev.rightsdesk.officer;

import dev.rightsdesk.officer.work.ModelRemediations;
import dev.rightsdesk.officer.work.RemediationView;
import dev.rightsdesk.platform.error.ProblemException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Remediations for the tickets a test puts here; stands in for the AI rights feature in tests. */
@Alternative
@Priority(1)
@ApplicationScoped
public class FakeModelRemediations implements ModelRemediations {

    static final Map<UUID, Map<UUID, RemediationView>> REMEDIATIONS = new ConcurrentHashMap<>();

    static UUID openRemediation(UUID ticketId) {
        UUID id = UUID.randomUUID();
        REMEDIATIONS.computeIfAbsent(ticketId, k -> new ConcurrentHashMap<>())
                .put(id, new RemediationView(id, "ranker-2026-10", "OPEN", LocalDate.now().plusMonths(3), null, true));
        return id;
    }

    @Override
    public List<RemediationView> of(UUID ticketId) {
        return List.copyOf(REMEDIATIONS.getOrDefault(ticketId, Map.of()).values());
    }

    @Override
    public RemediationView recordOutcome(UUID ticketId, UUID remediationId, String actor, String outcome, String evidence) {
        RemediationView r = REMEDIATIONS.getOrDefault(ticketId, Map.of()).get(remediationId);
        if (r == null) {
            throw ProblemException.notFound("Remediation");
        }
        RemediationView done = new RemediationView(r.id(), r.modelVersion(), "DONE", r.due(), outcome, false);
        REMEDIATIONS.get(ticketId).put(r.id(), done);
        return done;
    }
}
