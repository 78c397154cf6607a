package dev.rightsdesk.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rightsdesk.connector.spi.ConnectorResult;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes {@code dev.rightsdesk.task.result.v1} CloudEvents for one command, exactly as docs/events.md asks of any
 * connector: one event per result, the access answer inline up to the limit and in ordered chunks beyond it.
 * Moved here from the demo systems' plumbing, which it replaces.
 */
final class ResultWriter {

    static final String RESULTS_TOPIC = "dsr.task-results";
    static final String RESULT_TYPE = "dev.rightsdesk.task.result.v1";
    static final int MAX_TEXT = 1000;
    static final int MAX_CHUNKS = 64;

    /** One record to produce: its key (the ticket id) and its value (the CloudEvent JSON). */
    record Out(String key, String value) {
    }

    private final ObjectMapper json;
    private final String source;
    private final int inlineLimit;
    private final Clock clock;

    private final FieldCodec codec;

    ResultWriter(ObjectMapper json, String systemKey, int inlineLimit, Clock clock, FieldCodec codec) {
        this.codec = codec;
        this.json = json;
        this.source = "/rightsdesk/connectors/" + systemKey;
        this.inlineLimit = inlineLimit;
        this.clock = clock;
    }

    /** The {@code ACKNOWLEDGED} result. */
    Out acknowledged(UUID taskId, UUID ticketId, int attempt) {
        return event(base(taskId, ticketId, attempt, "ACKNOWLEDGED"));
    }

    /** A final (or interim) result, split into chunks when its access answer is larger than the inline limit. */
    List<Out> results(UUID taskId, UUID ticketId, int attempt, ConnectorResult result) {
        ObjectNode data = base(taskId, ticketId, attempt, result.outcome().name());
        text(data, "summary", result.summary());
        if (result.outcome() == ConnectorResult.Outcome.FAILED) {
            if (result.retryable()) {
                data.put("retryable", true);
            }
        }
        if (result.outcome() == ConnectorResult.Outcome.FAILED || result.outcome() == ConnectorResult.Outcome.PARTIAL) {
            text(data, "reason", result.reason());
        }
        put(data, "evidence", result.evidence());
        put(data, "datasets", result.datasets());
        put(data, "modelVersions", result.modelVersions());
        put(data, "remediations", result.remediations());
        JsonNode answer = result.answer();
        boolean carriesData = result.outcome() == ConnectorResult.Outcome.COMPLETED
                || result.outcome() == ConnectorResult.Outcome.PARTIAL;
        if (answer == null || answer.isNull() || !carriesData) {
            return List.of(event(data));
        }
        String text = answer.toString();
        if (text.getBytes(StandardCharsets.UTF_8).length <= inlineLimit) {
            data.set("answer", answer);
            return List.of(event(data));
        }
        List<String> parts = split(text);
        if (parts.size() > MAX_CHUNKS) {
            ObjectNode failed = base(taskId, ticketId, attempt, "FAILED");
            failed.put("reason", "the access answer is larger than " + MAX_CHUNKS + " chunks of " + inlineLimit
                    + " bytes; narrow the mapping or export it by hand");
            put(failed, "evidence", result.evidence());
            return List.of(event(failed));
        }
        List<Out> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            ObjectNode chunk = data.deepCopy();
            chunk.putObject("chunk").put("index", i).put("count", parts.size()).put("data", parts.get(i));
            out.add(event(chunk));
        }
        return out;
    }

    /** Result data as stored in the task log to be sent again: everything but the subject's data. */
    static ObjectNode withoutAnswer(ObjectNode data) {
        ObjectNode copy = data.deepCopy();
        copy.remove("answer");
        copy.remove("chunk");
        return copy;
    }

    /** Sends a stored final result again for a re-sent command (same task, a new attempt). */
    Out again(ObjectNode stored, int attempt) {
        ObjectNode data = stored.deepCopy();
        data.put("attempt", attempt);
        return event(data);
    }

    /**
     * Splits the JSON text on character boundaries so that every part stays within the limit in UTF-8 bytes
     * (a character takes at most 4 bytes).
     */
    private List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        int step = Math.max(1, inlineLimit / 4);
        for (int start = 0; start < text.length(); ) {
            int end = Math.min(text.length(), start + step);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            parts.add(text.substring(start, end));
            start = end;
        }
        return parts;
    }

    private ObjectNode base(UUID taskId, UUID ticketId, int attempt, String outcome) {
        return json.createObjectNode()
                .put("taskId", taskId.toString())
                .put("ticketId", ticketId.toString())
                .put("attempt", attempt)
                .put("outcome", outcome);
    }

    private Out event(ObjectNode data) {
        data = codec.seal(UUID.fromString(data.path("ticketId").asText()), data);
        ObjectNode event = json.createObjectNode()
                .put("specversion", "1.0")
                .put("id", UUID.randomUUID().toString())
                .put("source", source)
                .put("type", RESULT_TYPE)
                .put("subject", data.path("taskId").asText())
                .put("time", clock.instant().toString())
                .put("datacontenttype", "application/json");
        event.set("data", data);
        return new Out(data.path("ticketId").asText(), event.toString());
    }

    private static void text(ObjectNode data, String field, String value) {
        if (value != null && !value.isBlank()) {
            data.put(field, value.length() > MAX_TEXT ? value.substring(0, MAX_TEXT - 1) + "…" : value);
        }
    }

    private static void put(ObjectNode data, String field, JsonNode value) {
        if (value != null && !value.isNull()) {
            data.set(field, value);
        }
    }
}
