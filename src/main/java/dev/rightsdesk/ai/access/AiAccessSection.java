package dev.rightsdesk.ai.access;

import dev.rightsdesk.ai.exclusion.ExclusionReason;
import dev.rightsdesk.ai.lineage.RunFinding;
import dev.rightsdesk.ai.lineage.TrainingRunEvidence.Outcome;
import dev.rightsdesk.ai.remediation.RemediationState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The AI part of an answer to the subject (Art. 15, R-access): which training datasets held their data,
 * which model versions were trained on it and how each is being remediated, whether and since when they
 * are excluded from training, and what every training run since then did with that exclusion. Holds no
 * identifier of the subject; ready to render into the access package.
 */
public record AiAccessSection(
        UUID ticketId,
        List<TrainingDataset> trainingDatasets,
        List<ModelVersion> modelVersions,
        List<Exclusion> exclusions,
        List<TrainingRun> trainingRuns,
        RunSummary runSummary) {

    /** A training dataset version that held the subject's data, as its system reported it. */
    public record TrainingDataset(String system, String dataset, String version, long recordsRemoved,
            long recordsExcluded, Instant reportedAt) {
    }

    /** A model version trained on the subject's data, with its remediation if one is owed. */
    public record ModelVersion(String system, String model, String version, List<String> trainingDatasetVersions,
            Remediation remediation) {
    }

    /** Where the remediation of a model version stands and what backs it. */
    public record Remediation(UUID remediationId, UUID ticketId, RemediationState state, RemediationState remedy,
            LocalDate dueDate, String newModelVersion, Long exclusionSnapshotVersion, Instant resolvedAt) {
    }

    /** One request of the subject that excluded them from training. */
    public record Exclusion(UUID ticketId, ExclusionReason reason, Instant since, int identifiers, boolean active,
            Instant liftedAt) {
    }

    /** One training run since the exclusion, and what it did with it. */
    public record TrainingRun(String job, String runId, Instant startedAt, Long appliedSnapshotVersion,
            RunFinding finding, Outcome outcome, String statement) {
    }

    /** Counts over all runs since the exclusion (the list above may be capped). */
    public record RunSummary(int runs, int excluded, int missed, int notRequired) {
    }

    /** Whether there is anything AI-related to tell the subject. */
    public boolean isEmpty() {
        return trainingDatasets.isEmpty() && modelVersions.isEmpty() && exclusions.isEmpty() && trainingRuns.isEmpty();
    }
}
