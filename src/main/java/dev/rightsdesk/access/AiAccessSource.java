package dev.rightsdesk.access;

import dev.rightsdesk.ticket.Ticket;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The AI part of the access answer (R-access, issue 4): training datasets that held the subject's data, the model
 * versions trained on them with the state of their remediation, and the training runs since the subject's
 * exclusion with whether each applied it. Called inside a transaction.
 */
public interface AiAccessSource {

    /** A dataset version that held the subject's records. */
    record TrainingDataset(String system, String dataset, String version, Long records, String state) {
    }

    /** A model version trained on data of the subject, and what is being done about it. */
    record ModelVersion(String system, String name, String version, List<String> trainedOn, String remediationState,
            LocalDate remediationDue, String evidence) {
    }

    /** A training run that started after the subject's exclusion, and whether it applied it. */
    record TrainingRun(String job, String runId, Instant startedAt, boolean compliant, String detail) {
    }

    /** The whole AI section; empty lists when the subject's data was never used for training. */
    record AiSection(List<TrainingDataset> trainingDatasets, List<ModelVersion> modelVersions,
            List<TrainingRun> trainingRunsSinceExclusion) {

        public static AiSection empty() {
            return new AiSection(List.of(), List.of(), List.of());
        }

        public boolean isEmpty() {
            return trainingDatasets.isEmpty() && modelVersions.isEmpty() && trainingRunsSinceExclusion.isEmpty();
        }
    }

    AiSection section(Ticket ticket);
}
