package dev.rightsdesk.connector.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What an engine did with one command; the runtime turns it into a {@code dev.rightsdesk.task.result.v1} event.
 *
 * @param outcome {@code COMPLETED}, {@code NOT_FOUND}, {@code PARTIAL} or {@code FAILED} (never ACKNOWLEDGED: the
 *        runtime sends that through {@link Progress})
 * @param summary short, without personal data
 * @param answer access only: the subject's data, or null
 * @param retryable only with FAILED
 * @param reason why FAILED or PARTIAL, without personal data
 * @param evidence proof of what was done, without personal data (counts, snapshot ids, digests, statement shapes),
 *        or null
 * @param datasets TRAINING_DATASET systems: {@code [{dataset, version, recordsRemoved?, recordsExcluded?}]}, or null
 * @param modelVersions MODEL_REGISTRY systems: {@code [{name, version, trainingDatasetVersions?}]}, or null
 * @param remediations MODEL_REGISTRY systems: progress of model remediations (docs/ai-rights.md), or null
 */
public record ConnectorResult(
        Outcome outcome,
        String summary,
        JsonNode answer,
        boolean retryable,
        String reason,
        ObjectNode evidence,
        JsonNode datasets,
        JsonNode modelVersions,
        JsonNode remediations) {

    /** The final outcomes an engine may answer. */
    public enum Outcome { COMPLETED, NOT_FOUND, PARTIAL, FAILED }

    public static ConnectorResult completed(String summary, ObjectNode evidence) {
        return new ConnectorResult(Outcome.COMPLETED, summary, null, false, null, evidence, null, null, null);
    }

    public static ConnectorResult notFound(String summary, ObjectNode evidence) {
        return new ConnectorResult(Outcome.NOT_FOUND, summary, null, false, null, evidence, null, null, null);
    }

    public static ConnectorResult failed(boolean retryable, String reason, ObjectNode evidence) {
        return new ConnectorResult(Outcome.FAILED, null, null, retryable, reason, evidence, null, null, null);
    }

    public ConnectorResult withAnswer(JsonNode answer) {
        return new ConnectorResult(outcome, summary, answer, retryable, reason, evidence, datasets, modelVersions, remediations);
    }

    public ConnectorResult withDatasets(JsonNode datasets) {
        return new ConnectorResult(outcome, summary, answer, retryable, reason, evidence, datasets, modelVersions, remediations);
    }

    public ConnectorResult withModelVersions(JsonNode modelVersions) {
        return new ConnectorResult(outcome, summary, answer, retryable, reason, evidence, datasets, modelVersions, remediations);
    }

    public ConnectorResult withRemediations(JsonNode remediations) {
        return new ConnectorResult(outcome, summary, answer, retryable, reason, evidence, datasets, modelVersions, remediations);
    }

    /** Kept short: results, like commands, must never print personal data by accident. */
    @Override
    public String toString() {
        return "ConnectorResult[outcome=" + outcome + ", retryable=" + retryable + "]";
    }

    /** Same list type for callers that build results from lists. */
    public static List<ConnectorResult> of(ConnectorResult... results) {
        return List.of(results);
    }
}
