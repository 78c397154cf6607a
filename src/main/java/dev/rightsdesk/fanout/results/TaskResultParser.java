package dev.rightsdesk.fanout.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Checks a record from {@code dsr.task-results} against the result contract ({@code docs/events.md}) and turns
 * it into a {@link TaskResult}; anything else is a {@link MalformedResultException}. Explicit rather than lenient:
 * a result Rightsdesk cannot trust goes to the dead-letter topic, never half-applied.
 */
public final class TaskResultParser {

    public static final String TYPE = "dev.rightsdesk.task.result.v1";
    static final int MAX_TEXT = 1000;
    static final int MAX_NAME = 200;
    static final int MAX_ITEMS = 1000;
    /** Evidence is counts and statement shapes, never data: 64 KiB of JSON is plenty. */
    static final int MAX_EVIDENCE = 64 * 1024;

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** The {@code data} object as sent; every field optional here and checked below. */
    record Data(String taskId, String ticketId, Integer attempt, Outcome outcome, Boolean retryable, String reason,
            String summary, JsonNode answer, TaskResult.Chunk chunk, List<TaskResult.DatasetVersion> datasets,
            List<TaskResult.ModelVersion> modelVersions, JsonNode remediations, JsonNode evidence) {
    }

    private final int inlineLimit;
    private final int maxChunks;
    private final UnaryOperator<JsonNode> opener;

    public TaskResultParser(int inlineLimit, int maxChunks) {
        this(inlineLimit, maxChunks, UnaryOperator.identity());
    }

    /**
     * @param opener turns the {@code data} object as sent into the one to check: decrypts its encrypted personal
     *               fields ({@link ResultFieldOpener}), so every rule below applies to the clear values
     */
    public TaskResultParser(int inlineLimit, int maxChunks, UnaryOperator<JsonNode> opener) {
        this.inlineLimit = inlineLimit;
        this.maxChunks = maxChunks;
        this.opener = opener;
    }

    public TaskResult parse(String value) {
        if (value == null || value.isBlank()) {
            throw new MalformedResultException("empty record: a result is a CloudEvent JSON object", null);
        }
        JsonNode event;
        try {
            event = STRICT.readTree(value);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new MalformedResultException("not valid JSON" + (at == null ? "" : " (line " + at.getLineNr()
                    + ", column " + at.getColumnNr() + ")"), null);
        }
        if (event == null || !event.isObject()) {
            throw new MalformedResultException("a result must be a JSON object (a structured CloudEvent)", null);
        }
        UUID readableTaskId = readableTaskId(event);
        try {
            return parse(event);
        } catch (MalformedResultException e) {
            throw new MalformedResultException(e.getMessage(), readableTaskId);
        }
    }

    private TaskResult parse(JsonNode event) {
        requireEquals(event, "specversion", "1.0");
        requireEquals(event, "type", TYPE);
        String id = text(event, "id", MAX_NAME, true);
        String source = text(event, "source", MAX_NAME, true);
        JsonNode contentType = event.get("datacontenttype");
        if (contentType != null && !(contentType.isTextual() && contentType.asText().startsWith("application/json"))) {
            throw bad("datacontenttype", "must be application/json when given");
        }
        JsonNode dataNode = event.get("data");
        if (dataNode == null || !dataNode.isObject()) {
            throw bad("data", "is required and must be a JSON object");
        }
        Data data = readData(opener.apply(dataNode));
        UUID taskId = uuid("data.taskId", data.taskId(), true);
        UUID ticketId = uuid("data.ticketId", data.ticketId(), false);
        if (data.outcome() == null) {
            throw bad("data.outcome", "is required; one of " + List.of(Outcome.values()));
        }
        if (data.attempt() != null && data.attempt() < 1) {
            throw bad("data.attempt", "must be 1 or more");
        }
        boolean retryable = Boolean.TRUE.equals(data.retryable());
        if (retryable && data.outcome() != Outcome.FAILED) {
            throw bad("data.retryable", "may be true only with outcome FAILED");
        }
        limit("data.reason", data.reason(), MAX_TEXT);
        limit("data.summary", data.summary(), MAX_TEXT);
        checkAnswer(data);
        checkDatasets(data.datasets());
        checkModels(data.modelVersions());
        JsonNode remediations = data.remediations() == null || data.remediations().isNull() ? null : data.remediations();
        if (remediations != null && !remediations.isArray()) {
            throw bad("data.remediations", "must be an array when given");
        }
        JsonNode evidence = data.evidence() == null || data.evidence().isNull() ? null : data.evidence();
        if (evidence != null && (!evidence.isObject()
                || evidence.toString().getBytes(StandardCharsets.UTF_8).length > MAX_EVIDENCE)) {
            throw bad("data.evidence", "must be a JSON object of at most " + MAX_EVIDENCE + " bytes when given");
        }
        return new TaskResult(id, source, taskId, ticketId, data.attempt(), data.outcome(), retryable, data.reason(),
                data.summary(), data.answer() == null || data.answer().isNull() ? null : data.answer(), data.chunk(), nullToEmpty(data.datasets()), nullToEmpty(data.modelVersions()),
                remediations, evidence);
    }

    private Data readData(JsonNode node) {
        try {
            return STRICT.treeToValue(node, Data.class);
        } catch (UnrecognizedPropertyException e) {
            throw bad("data" + path(e), "is not a field of a result (see docs/events.md)");
        } catch (InvalidFormatException e) {
            throw bad("data" + path(e), "has a value that is not allowed"
                    + (e.getTargetType() != null && e.getTargetType().isEnum() ? "; one of "
                    + List.of(e.getTargetType().getEnumConstants()) : ""));
        } catch (JsonMappingException e) {
            throw bad("data" + path(e), "has the wrong type");
        } catch (JsonProcessingException e) {
            throw bad("data", "could not be read");
        }
    }

    private void checkAnswer(Data data) {
        boolean carriesData = data.outcome() == Outcome.COMPLETED || data.outcome() == Outcome.PARTIAL;
        if (data.answer() != null && !data.answer().isNull()) {
            if (data.chunk() != null) {
                throw bad("data.answer", "must not be sent together with data.chunk");
            }
            if (!carriesData) {
                throw bad("data.answer", "may come only with outcome COMPLETED or PARTIAL");
            }
            if (data.answer().toString().getBytes(StandardCharsets.UTF_8).length > inlineLimit) {
                throw bad("data.answer", "is larger than " + inlineLimit + " bytes; send it in chunks (data.chunk)");
            }
        }
        TaskResult.Chunk chunk = data.chunk();
        if (chunk != null) {
            if (!carriesData) {
                throw bad("data.chunk", "may come only with outcome COMPLETED or PARTIAL");
            }
            if (chunk.count() == null || chunk.count() < 1 || chunk.count() > maxChunks) {
                throw bad("data.chunk.count", "must be between 1 and " + maxChunks);
            }
            if (chunk.index() == null || chunk.index() < 0 || chunk.index() >= chunk.count()) {
                throw bad("data.chunk.index", "must be between 0 and count - 1");
            }
            if (chunk.data() == null || chunk.data().isEmpty()) {
                throw bad("data.chunk.data", "is required: a part of the answer's JSON text");
            }
            if (chunk.data().getBytes(StandardCharsets.UTF_8).length > inlineLimit) {
                throw bad("data.chunk.data", "is larger than " + inlineLimit + " bytes");
            }
        }
    }

    private static void checkDatasets(List<TaskResult.DatasetVersion> datasets) {
        if (datasets == null) {
            return;
        }
        if (datasets.size() > MAX_ITEMS) {
            throw bad("data.datasets", "must hold at most " + MAX_ITEMS + " entries");
        }
        for (int i = 0; i < datasets.size(); i++) {
            TaskResult.DatasetVersion d = datasets.get(i);
            String at = "data.datasets[" + i + "]";
            if (d == null) {
                throw bad(at, "must be an object");
            }
            name(at + ".dataset", d.dataset());
            name(at + ".version", d.version());
            if ((d.recordsRemoved() != null && d.recordsRemoved() < 0) || (d.recordsExcluded() != null && d.recordsExcluded() < 0)) {
                throw bad(at, "record counts must not be negative");
            }
        }
    }

    private static void checkModels(List<TaskResult.ModelVersion> models) {
        if (models == null) {
            return;
        }
        if (models.size() > MAX_ITEMS) {
            throw bad("data.modelVersions", "must hold at most " + MAX_ITEMS + " entries");
        }
        for (int i = 0; i < models.size(); i++) {
            TaskResult.ModelVersion m = models.get(i);
            String at = "data.modelVersions[" + i + "]";
            if (m == null) {
                throw bad(at, "must be an object");
            }
            name(at + ".name", m.name());
            name(at + ".version", m.version());
            List<String> trained = m.trainingDatasetVersions();
            if (trained != null) {
                if (trained.size() > MAX_ITEMS) {
                    throw bad(at + ".trainingDatasetVersions", "must hold at most " + MAX_ITEMS + " entries");
                }
                for (int j = 0; j < trained.size(); j++) {
                    name(at + ".trainingDatasetVersions[" + j + "]", trained.get(j));
                }
            }
        }
    }

    /** The task id, if the record names one readably: lets the consumer flag the ticket of a malformed result. */
    private static UUID readableTaskId(JsonNode event) {
        JsonNode id = event.path("data").path("taskId");
        if (!id.isTextual()) {
            return null;
        }
        try {
            return UUID.fromString(id.asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void requireEquals(JsonNode event, String field, String expected) {
        JsonNode v = event.get(field);
        if (v == null || !v.isTextual() || !expected.equals(v.asText())) {
            throw bad(field, "must be \"" + expected + "\"");
        }
    }

    private static String text(JsonNode event, String field, int max, boolean required) {
        JsonNode v = event.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw bad(field, "is required");
            }
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank() || v.asText().length() > max) {
            throw bad(field, "must be a non-empty string of at most " + max + " characters");
        }
        return v.asText();
    }

    private static UUID uuid(String field, String value, boolean required) {
        if (value == null) {
            if (required) {
                throw bad(field, "is required");
            }
            return null;
        }
        try {
            UUID id = UUID.fromString(value);
            if (!id.toString().equalsIgnoreCase(value)) {
                throw new IllegalArgumentException();
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw bad(field, "must be a UUID");
        }
    }

    private static void name(String field, String value) {
        if (value == null || value.isBlank() || value.length() > MAX_NAME) {
            throw bad(field, "is required, at most " + MAX_NAME + " characters");
        }
    }

    private static void limit(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw bad(field, "must be at most " + max + " characters");
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining());
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static MalformedResultException bad(String field, String rule) {
        return new MalformedResultException(field + " " + rule, null);
    }
}
