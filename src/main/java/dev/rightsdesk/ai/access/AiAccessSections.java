package dev.rightsdesk.ai.access;

import dev.rightsdesk.ai.exclusion.TrainingExclusion;
import dev.rightsdesk.ai.lineage.TrainingRunEvidence;
import dev.rightsdesk.ai.lineage.TrainingRunEvidence.Outcome;
import dev.rightsdesk.ai.lineage.TrainingRunEvidence.TicketRun;
import dev.rightsdesk.ai.remediation.ModelRemediation;
import dev.rightsdesk.fanout.TaskDatasetVersion;
import dev.rightsdesk.fanout.TaskModelVersion;
import dev.rightsdesk.platform.error.ProblemException;
import dev.rightsdesk.ticket.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Builds the {@link AiAccessSection} of a ticket for the access package (issue 5 renders it). Datasets and
 * model versions come from this ticket's own TRAINING_DATASET and MODEL_REGISTRY answers; exclusions,
 * remediations and training runs from every request of the same subject (matched by the e-mail blind
 * index), so an access request made after an objection shows that objection's effect.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AiAccessSections {

    /** Most runs listed one by one; the summary counts all. */
    public static final int MAX_RUNS = 100;

    private final TrainingRunEvidence runs;

    public AiAccessSections(TrainingRunEvidence runs) {
        this.runs = runs;
    }

    public AiAccessSection forTicket(UUID ticketId) {
        Ticket ticket = Ticket.<Ticket>findByIdOptional(ticketId).orElseThrow(() -> ProblemException.notFound("Ticket"));
        List<UUID> subjectTickets = Ticket.<Ticket>list("subjectEmailHash", ticket.subjectEmailHash).stream()
                .map(t -> t.id).toList();

        List<AiAccessSection.TrainingDataset> datasets = TaskDatasetVersion.forTicket(ticketId).stream()
                .map(d -> new AiAccessSection.TrainingDataset(d.systemKey, d.dataset, d.datasetVersion, d.recordsRemoved,
                        d.recordsExcluded, d.reportedAt))
                .toList();

        List<ModelRemediation> remediations = subjectTickets.stream().flatMap(id -> ModelRemediation.forTicket(id).stream())
                .toList();
        List<AiAccessSection.ModelVersion> models = TaskModelVersion.forTicket(ticketId).stream()
                .map(m -> new AiAccessSection.ModelVersion(m.systemKey, m.modelName, m.modelVersion,
                        List.copyOf(m.trainingDatasetVersions), remediationOf(m, ticketId, remediations)))
                .toList();

        List<AiAccessSection.Exclusion> exclusions = new ArrayList<>();
        for (UUID id : subjectTickets) {
            List<TrainingExclusion> entries = TrainingExclusion.forTicket(id);
            if (!entries.isEmpty()) {
                TrainingExclusion first = entries.get(0);
                boolean active = entries.stream().anyMatch(TrainingExclusion::isActive);
                exclusions.add(new AiAccessSection.Exclusion(id, first.reason, first.since, entries.size(), active,
                        active ? null : entries.stream().map(e -> e.liftedAt).max(Comparator.naturalOrder()).orElse(null)));
            }
        }
        exclusions.sort(Comparator.comparing(AiAccessSection.Exclusion::since));

        // one line per run; where several of the subject's requests saw the same run, the strictest outcome
        Map<UUID, TicketRun> byRun = new LinkedHashMap<>();
        for (AiAccessSection.Exclusion x : exclusions) {
            for (TicketRun r : runs.forTicket(x.ticketId(), Integer.MAX_VALUE)) {
                byRun.merge(r.trainingRunId(), r, (a, b) -> rank(a.outcome()) >= rank(b.outcome()) ? a : b);
            }
        }
        List<TicketRun> all = byRun.values().stream().sorted(Comparator.comparing(TicketRun::startedAt).reversed()).toList();
        Map<Outcome, Long> counts = all.stream().collect(Collectors.groupingBy(TicketRun::outcome, Collectors.counting()));
        AiAccessSection.RunSummary summary = new AiAccessSection.RunSummary(all.size(),
                counts.getOrDefault(Outcome.EXCLUDED, 0L).intValue(), counts.getOrDefault(Outcome.MISSED, 0L).intValue(),
                counts.getOrDefault(Outcome.NOT_REQUIRED, 0L).intValue());
        List<AiAccessSection.TrainingRun> listed = all.stream().limit(MAX_RUNS)
                .map(r -> new AiAccessSection.TrainingRun(r.jobNamespace() + "/" + r.jobName(), r.runId(), r.startedAt(),
                        r.appliedVersion(), r.finding(), r.outcome(), r.statement()))
                .toList();
        return new AiAccessSection(ticketId, datasets, models, List.copyOf(exclusions), listed, summary);
    }

    /** This ticket's remediation of the model version, or else the latest one from another request of the subject. */
    private static AiAccessSection.Remediation remediationOf(TaskModelVersion m, UUID ticketId, List<ModelRemediation> all) {
        return all.stream()
                .filter(r -> r.systemKey.equals(m.systemKey) && r.modelName.equals(m.modelName) && r.modelVersion.equals(m.modelVersion))
                .sorted(Comparator.comparing((ModelRemediation r) -> !r.ticketId.equals(ticketId))
                        .thenComparing(r -> r.createdAt, Comparator.reverseOrder()))
                .findFirst()
                .map(r -> new AiAccessSection.Remediation(r.id, r.ticketId, r.state, r.remedy, r.dueDate, r.newModelVersion,
                        r.exclusionSnapshotVersion, r.resolvedAt))
                .orElse(null);
    }

    private static int rank(Outcome o) {
        return switch (o) {
            case MISSED -> 2;
            case EXCLUDED -> 1;
            case NOT_REQUIRED -> 0;
        };
    }
}
