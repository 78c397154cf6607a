package dev.rightsdesk.ai.lineage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * The parts of an OpenLineage run event (spec 2-0-2, {@code RunEvent}) that training-run proof needs. A
 * record that is not a run event with these fields is malformed and goes to the dead-letter topic.
 */
public record LineageEvent(String eventType, Instant eventTime, String runId, String jobNamespace, String jobName,
        Optional<JsonNode> exclusionFacet) {

    /** Name of the custom run facet a training pipeline attaches to its START event. */
    public static final String FACET = "dsrExclusionSnapshot";
    public static final String START = "START";
    static final Set<String> TYPES = Set.of("START", "RUNNING", "COMPLETE", "ABORT", "FAIL", "OTHER");
    static final int MAX_NAME = 200;
    static final int MAX_RUN_ID = 100;

    /** Thrown for a record that is not a usable OpenLineage run event; the reason names no values. */
    public static class Malformed extends IllegalArgumentException {
        public Malformed(String reason) {
            super(reason, null);
        }
    }

    public static LineageEvent parse(ObjectMapper mapper, String value) {
        if (value == null || value.isBlank()) {
            throw new Malformed("empty record");
        }
        JsonNode root;
        try {
            root = mapper.readTree(value);
        } catch (JsonProcessingException e) {
            throw new Malformed("not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new Malformed("not a JSON object");
        }
        // eventType is optional in the spec (absent = a running update); we treat absent as OTHER
        String type = root.path("eventType").isMissingNode() || root.path("eventType").isNull()
                ? "OTHER" : text(root.path("eventType"), "eventType", 20);
        if (!TYPES.contains(type)) {
            throw new Malformed("eventType is not an OpenLineage run state");
        }
        Instant time = instant(text(root.path("eventTime"), "eventTime", 64));
        String runId = text(root.path("run").path("runId"), "run.runId", MAX_RUN_ID);
        String namespace = text(root.path("job").path("namespace"), "job.namespace", MAX_NAME);
        String name = text(root.path("job").path("name"), "job.name", MAX_NAME);
        JsonNode facet = root.path("run").path("facets").path(FACET);
        return new LineageEvent(type, time, runId, namespace, name,
                facet.isMissingNode() || facet.isNull() ? Optional.empty() : Optional.of(facet));
    }

    private static String text(JsonNode node, String field, int max) {
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new Malformed(field + " is missing or not a string");
        }
        String s = node.asText().trim();
        if (s.length() > max) {
            throw new Malformed(field + " is longer than " + max + " characters");
        }
        return s;
    }

    private static Instant instant(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e2) {
                throw new Malformed("eventTime is not an ISO-8601 date-time with offset");
            }
        }
    }

    /** Key of this event in the consumer's inbox: one effect per run and event type. */
    public String inboxKey() {
        return runId + ":" + eventType;
    }
}
