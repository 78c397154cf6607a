package dev.rightsdesk.connector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rightsdesk.connector.spi.ConnectorCommand;
import dev.rightsdesk.connector.spi.Correction;
import dev.rightsdesk.connector.spi.SubjectIdentifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Reads a task command CloudEvent from {@code dsr.tasks.<key>} (docs/events.md) into the engine's
 * {@link ConnectorCommand}, as any external connector would: from the public contract only.
 */
final class CommandReader {

    static final String TYPE_PREFIX = "dev.rightsdesk.task.";

    /** A command as read: its CloudEvent id and the engine's view of its data. */
    record Read(String eventId, ConnectorCommand command) {
    }

    /** A record that is no command this worker can carry out; {@code taskId} is set when it could be read. */
    static final class Unreadable extends Exception {
        final UUID taskId;
        final UUID ticketId;
        final int attempt;

        Unreadable(String reason, UUID taskId, UUID ticketId, int attempt) {
            super(reason, null, false, false);
            this.taskId = taskId;
            this.ticketId = ticketId;
            this.attempt = attempt;
        }
    }

    private final ObjectMapper json;
    private final String systemKey;
    private final boolean dryRun;
    private final FieldCodec codec;

    CommandReader(ObjectMapper json, String systemKey, boolean dryRun, FieldCodec codec) {
        this.json = json;
        this.systemKey = systemKey;
        this.dryRun = dryRun;
        this.codec = codec;
    }

    /** Null for a record that is not a task command at all (another event type on the topic): skipped. */
    Read read(String value) throws Unreadable {
        JsonNode event;
        try {
            event = json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new Unreadable("the command is not valid JSON", null, null, 1);
        }
        if (event == null || !event.path("type").asText().startsWith(TYPE_PREFIX)) {
            return null;
        }
        JsonNode data = event.path("data");
        UUID taskId = uuid(data.path("taskId"));
        UUID ticketId = uuid(data.path("ticketId"));
        int attempt = Math.max(1, data.path("attempt").asInt(1));
        if (taskId == null || ticketId == null) {
            throw new Unreadable("the command has no readable taskId and ticketId", taskId, ticketId, attempt);
        }
        try {
            data = codec.open(ticketId, data);
        } catch (RuntimeException e) {
            // the message names the field, never a value (UnreadableFieldException); a destroyed key means a closed ticket
            throw new Unreadable("a personal field of the command cannot be decrypted: " + e.getMessage(), taskId,
                    ticketId, attempt);
        }
        String id = event.path("id").asText("");
        if (id.isBlank()) {
            throw new Unreadable("the command has no CloudEvent id", taskId, ticketId, attempt);
        }
        ConnectorCommand.Action action;
        try {
            action = ConnectorCommand.Action.valueOf(data.path("action").asText("").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Unreadable("the command's action is not one this connector knows", taskId, ticketId, attempt);
        }
        List<Correction> corrections = new ArrayList<>();
        for (JsonNode c : data.path("corrections")) {
            corrections.add(new Correction(c.path("field").asText(null), c.path("currentValue").asText(null),
                    c.path("correctedValue").asText(null)));
        }
        List<String> purposes = new ArrayList<>();
        data.path("purposes").forEach(p -> purposes.add(p.asText()));
        ConnectorCommand command = new ConnectorCommand(taskId, ticketId, systemKey, action, attempt,
                identifiers(data.path("subject")), corrections, data.path("ground").asText(null),
                data.path("basis").asText(null), purposes, dryRun);
        return new Read(id, command);
    }

    /**
     * The subject's identifiers with their verification (docs/events.md, {@code subject.verified}). A command from a
     * Rightsdesk older than that field says nothing of it: then only the e-mail counts as verified, because commands
     * were only ever sent for tickets whose e-mail was confirmed or registered by an officer.
     */
    static List<SubjectIdentifier> identifiers(JsonNode subject) {
        JsonNode verified = subject.path("verified");
        boolean legacy = !verified.isObject();
        List<SubjectIdentifier> out = new ArrayList<>();
        if (subject.path("email").isTextual()) {
            out.add(new SubjectIdentifier("email", subject.path("email").asText(),
                    legacy || verified.path("email").asBoolean(false)));
        }
        if (subject.path("name").isTextual()) {
            out.add(new SubjectIdentifier("name", subject.path("name").asText(), verified.path("name").asBoolean(false)));
        }
        subject.path("identifiers").fields().forEachRemaining(f -> out.add(new SubjectIdentifier(f.getKey(),
                f.getValue().asText(), verified.path(f.getKey()).asBoolean(false))));
        return out;
    }

    private static UUID uuid(JsonNode node) {
        if (!node.isTextual()) {
            return null;
        }
        try {
            return UUID.fromString(node.asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
