package dev.rightsdesk.fanout.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;

/**
 * A validated result CloudEvent ({@code dev.rightsdesk.task.result.v1}) from {@code dsr.task-results}.
 * Field meanings are in {@code docs/events.md}.
 *
 * @param eventId the CloudEvent id: a result is applied once per id
 * @param ticketId optional; when given it must be the task's ticket
 * @param answer an inline access answer (any JSON value), or null
 * @param chunk one part of an access answer too large to send inline, or null
 * @param remediations model-remediation progress, handed unread to the AI-rights feature, or null
 * @param evidence what the system did, as proof without personal data (counts per collection, statement shapes,
 *        snapshot ids, duration): a JSON object, or null
 */
public record TaskResult(
        String eventId,
        String source,
        UUID taskId,
        UUID ticketId,
        Integer attempt,
        Outcome outcome,
        boolean retryable,
        String reason,
        String summary,
        JsonNode answer,
        Chunk chunk,
        List<DatasetVersion> datasets,
        List<ModelVersion> modelVersions,
        JsonNode remediations,
        JsonNode evidence) {

    /** Part {@code index} (0-based) of {@code count}; the parts' {@code data} strings, joined in order, are the answer's JSON. */
    public record Chunk(Integer index, Integer count, String data) {
    }

    /** A training dataset version that held the subject (TRAINING_DATASET systems). */
    public record DatasetVersion(String dataset, String version, Long recordsRemoved, Long recordsExcluded) {
    }

    /** A model version trained on data of the subject (MODEL_REGISTRY systems). */
    public record ModelVersion(String name, String version, List<String> trainingDatasetVersions) {
    }
}
