package dev.rightsdesk.system;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.rightsdesk.ticket.RequestType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads and validates the systems file (format in {@code docs/systems.md}). Every problem is reported
 * as a {@link SystemsFileException} naming the file and the line, so a bad file stops the start with a
 * message an operator can act on.
 */
public final class SystemsFile {

    /**
     * One entry as written in the file, before validation. Field names are the file's keys. A mutable bean
     * rather than a record: Jackson then reports an unknown field at its own line, not at the entry's end.
     */
    static final class Entry {
        public String key;
        public String displayName;
        public SystemKind kind;
        public List<RequestType> requestTypes;
        public List<String> identityTypes;
        public List<String> dataCategories;
        public List<String> purposes;
        public String retention;
        public String source;
        public List<String> recipients;
        public String automatedDecisionMaking;
        public String transfers;
        public String topic;
        public String replyDeadline;
        public Boolean manual;
        public String progressTimeout;
        @com.fasterxml.jackson.databind.annotation.JsonDeserialize(using = LocatedBlock.Reader.class)
        public LocatedBlock connector;
        public Boolean dryRun;
    }

    /** A {@code connector:} block with the line it starts at (Jackson trees forget where they came from). */
    record LocatedBlock(com.fasterxml.jackson.databind.node.ObjectNode node, int line) {

        static final class Reader extends com.fasterxml.jackson.databind.JsonDeserializer<LocatedBlock> {
            @Override
            public LocatedBlock deserialize(JsonParser p, com.fasterxml.jackson.databind.DeserializationContext ctx)
                    throws IOException {
                int at = SystemsFile.line(p);
                com.fasterxml.jackson.databind.JsonNode node = ctx.readTree(p);
                if (!node.isObject()) {
                    throw JsonMappingException.from(p, "must be a mapping with at least 'type'");
                }
                return new LocatedBlock((com.fasterxml.jackson.databind.node.ObjectNode) node, at);
            }
        }
    }

    static final Pattern KEY = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");
    static final Pattern IDENTITY_TYPE = Pattern.compile("^[A-Za-z][A-Za-z0-9_.-]{0,63}$");
    static final Pattern CONNECTOR_TYPE = Pattern.compile("^[a-z][a-z0-9-]{0,31}$");
    static final Pattern TOPIC = Pattern.compile("^[A-Za-z0-9._-]{1,249}$");
    static final Duration MAX_REPLY_DEADLINE = Duration.ofDays(31);
    /** Topics Rightsdesk itself owns; a system must not read its commands from one of them. */
    static final Set<String> RESERVED_TOPICS = Set.of("dsr.ticket-events", "dsr.task-results",
            "dsr.task-results.dlq", "dsr.ticket-events.dlq", "dsr.training-exclusions");

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private SystemsFile() {
    }

    /** Loads {@code location}: a file system path, or {@code classpath:<resource>}. */
    public static List<ConnectedSystem> load(String location) {
        return parse(location, read(location));
    }

    private static String read(String location) {
        try {
            if (location.startsWith("classpath:")) {
                String resource = location.substring("classpath:".length()).replaceFirst("^/", "");
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                try (InputStream in = loader.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new SystemsFileException("Connected systems file " + location + " not found on the class path");
                    }
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            Path path = Path.of(location);
            if (!Files.isRegularFile(path)) {
                throw new SystemsFileException("Connected systems file " + location
                        + " does not exist or is not a file (set rightsdesk.systems.file)");
            }
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SystemsFileException("Connected systems file " + location + " could not be read: " + e.getMessage());
        }
    }

    /** Parses and validates the text of a systems file; {@code name} appears in error messages. */
    public static List<ConnectedSystem> parse(String name, String text) {
        List<ConnectedSystem> systems = new ArrayList<>();
        Map<String, Integer> keys = new HashMap<>();
        Map<String, Integer> topics = new HashMap<>();
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken root = p.nextToken();
            if (root == null) {
                throw fail(name, 1, "the file is empty; it must hold a 'systems:' list (may be empty: 'systems: []')");
            }
            if (root != JsonToken.START_OBJECT) {
                throw fail(name, line(p), "the file must be a mapping with one key, 'systems'");
            }
            boolean seen = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                if (!"systems".equals(p.currentName())) {
                    throw fail(name, line(p), "unknown top-level key '" + p.currentName() + "'; only 'systems' is allowed");
                }
                seen = true;
                JsonToken list = p.nextToken();
                if (list == JsonToken.VALUE_NULL) {
                    continue;
                }
                if (list != JsonToken.START_ARRAY) {
                    throw fail(name, line(p), "'systems' must be a list of systems");
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    int at = line(p);
                    Entry entry = YAML.readValue(p, Entry.class);
                    ConnectedSystem system = validate(name, at, entry);
                    Integer earlier = keys.putIfAbsent(system.key(), at);
                    if (earlier != null) {
                        throw fail(name, at, "system key '" + system.key() + "' is declared twice (first at line " + earlier + ")");
                    }
                    earlier = topics.putIfAbsent(system.topic(), at);
                    if (earlier != null && !system.manual()) {
                        throw fail(name, at, "system '" + system.key() + "': topic '" + system.topic()
                                + "' is already used by the system at line " + earlier + "; each system needs its own topic");
                    }
                    systems.add(system);
                }
                if (p.currentToken() != JsonToken.END_ARRAY) {
                    throw fail(name, line(p), "each item of 'systems' must be a mapping (key: value)");
                }
            }
            if (!seen) {
                throw fail(name, line(p), "the file must hold a 'systems:' list");
            }
        } catch (UnrecognizedPropertyException e) {
            throw fail(name, line(e.getLocation()), "unknown field '" + e.getPropertyName() + "'; known fields: "
                    + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")));
        } catch (InvalidFormatException e) {
            throw fail(name, line(e.getLocation()), "bad value for '" + field(e) + "'" + allowed(e.getTargetType()));
        } catch (JsonMappingException e) {
            throw fail(name, line(e.getLocation()), "bad value for '" + field(e) + "': " + e.getOriginalMessage()
                    .replaceAll("\\(class [^)]*\\)", "").replaceAll("`[a-z.]+\\.([A-Za-z$]+)`", "$1"));
        } catch (JsonProcessingException e) {
            throw fail(name, line(e.getLocation()), e.getOriginalMessage());
        } catch (IOException e) {
            throw new SystemsFileException("Connected systems file " + name + " could not be read: " + e.getMessage());
        }
        return List.copyOf(systems);
    }

    private static ConnectedSystem validate(String name, int at, Entry e) {
        String key = e.key;
        if (key == null || key.isBlank()) {
            throw fail(name, at, "a system has no 'key'");
        }
        if (!KEY.matcher(key).matches()) {
            throw fail(name, at, "system key '" + key + "' must be lower-case letters, digits and '-', at most 63 characters");
        }
        String label = "system '" + key + "': ";
        requireText(name, at, label, "displayName", e.displayName);
        if (e.kind == null) {
            throw fail(name, at, label + "'kind' is required" + allowed(SystemKind.class));
        }
        requireList(name, at, label, "requestTypes", e.requestTypes);
        requireList(name, at, label, "identityTypes", e.identityTypes);
        requireList(name, at, label, "dataCategories", e.dataCategories);
        requireList(name, at, label, "purposes", e.purposes);
        requireText(name, at, label, "retention", e.retention);
        Set<String> identityTypes = new LinkedHashSet<>();
        for (String type : e.identityTypes) {
            if (type == null || !IDENTITY_TYPE.matcher(type).matches()) {
                throw fail(name, at, label + "identity type '" + type + "' must be 'email', 'name' or an identifier name"
                        + " (letters, digits, '_', '.', '-')");
            }
            if (!identityTypes.add(type)) {
                throw fail(name, at, label + "identity type '" + type + "' is listed twice");
            }
        }
        Set<RequestType> types = EnumSet.noneOf(RequestType.class);
        for (RequestType type : e.requestTypes) {
            if (type == null || !types.add(type)) {
                throw fail(name, at, label + "'requestTypes' holds an empty or repeated entry");
            }
        }
        noBlankItems(name, at, label, "dataCategories", e.dataCategories);
        noBlankItems(name, at, label, "purposes", e.purposes);
        List<String> recipients = e.recipients == null ? List.of() : e.recipients;
        noBlankItems(name, at, label, "recipients", recipients);
        String topic = e.topic == null ? ConnectedSystem.defaultTopic(key) : e.topic.trim();
        if (!TOPIC.matcher(topic).matches()) {
            throw fail(name, at, label + "topic '" + topic + "' is not a legal Kafka topic name");
        }
        if (RESERVED_TOPICS.contains(topic)) {
            throw fail(name, at, label + "topic '" + topic + "' is reserved for Rightsdesk itself");
        }
        Duration deadline = replyDeadline(name, at, label, e.replyDeadline);
        Duration progress = progressTimeout(name, at, label, e.progressTimeout, deadline);
        ConnectorBlock connector = connector(name, label, e);
        boolean manual = Boolean.TRUE.equals(e.manual);
        if (connector != null && manual) {
            throw fail(name, connector.line(), label + "a 'manual' system has no connector; remove 'connector' or 'manual'");
        }
        if (Boolean.TRUE.equals(e.dryRun) && connector == null) {
            throw fail(name, at, label + "'dryRun' needs a built-in 'connector' (an external service decides itself)");
        }
        return new ConnectedSystem(key, e.displayName.trim(), e.kind, Set.copyOf(types), List.copyOf(identityTypes),
                List.copyOf(e.dataCategories), List.copyOf(e.purposes), e.retention.trim(), trim(e.source),
                List.copyOf(recipients), trim(e.automatedDecisionMaking), trim(e.transfers), topic, deadline,
                manual, progress, connector, Boolean.TRUE.equals(e.dryRun));
    }

    /** The {@code connector:} block: a mapping with a {@code type}; its other keys are the engine's to check. */
    private static ConnectorBlock connector(String name, String label, Entry e) {
        if (e.connector == null) {
            return null;
        }
        var type = e.connector.node().get("type");
        if (type == null || !type.isTextual() || !CONNECTOR_TYPE.matcher(type.asText()).matches()) {
            throw fail(name, e.connector.line(), label + "'connector.type' is required: the built-in engine's name,"
                    + " e.g. 'sql' (lower-case letters, digits and '-')");
        }
        return new ConnectorBlock(type.asText(), e.connector.node(), name, e.connector.line());
    }

    /** Optional; when given, an ISO-8601 duration of at least a minute and below the reply deadline. */
    private static Duration progressTimeout(String name, int at, String label, String value, Duration replyDeadline) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Duration d;
        try {
            d = Duration.parse(value.trim());
        } catch (DateTimeParseException ex) {
            throw fail(name, at, label + "'progressTimeout' must be an ISO-8601 duration such as PT10M");
        }
        if (d.compareTo(Duration.ofMinutes(1)) < 0 || d.compareTo(replyDeadline) >= 0) {
            throw fail(name, at, label + "'progressTimeout' must be at least PT1M and shorter than 'replyDeadline'");
        }
        return d;
    }

    private static Duration replyDeadline(String name, int at, String label, String value) {
        if (value == null || value.isBlank()) {
            throw fail(name, at, label + "'replyDeadline' is required, an ISO-8601 duration such as P5D or PT12H");
        }
        Duration d;
        try {
            d = Duration.parse(value.trim());
        } catch (DateTimeParseException ex) {
            throw fail(name, at, label + "'replyDeadline' must be an ISO-8601 duration such as P5D or PT12H");
        }
        if (d.isNegative() || d.isZero() || d.compareTo(MAX_REPLY_DEADLINE) > 0) {
            throw fail(name, at, label + "'replyDeadline' must be positive and at most P31D");
        }
        return d;
    }

    private static void requireText(String name, int at, String label, String field, String value) {
        if (value == null || value.isBlank()) {
            throw fail(name, at, label + "'" + field + "' is required");
        }
    }

    private static void requireList(String name, int at, String label, String field, List<?> value) {
        if (value == null || value.isEmpty()) {
            throw fail(name, at, label + "'" + field + "' is required and must not be empty");
        }
    }

    private static void noBlankItems(String name, int at, String label, String field, List<String> values) {
        if (values.stream().anyMatch(v -> v == null || v.isBlank())) {
            throw fail(name, at, label + "'" + field + "' holds an empty entry");
        }
        if (new HashSet<>(values).size() != values.size()) {
            throw fail(name, at, label + "'" + field + "' holds a repeated entry");
        }
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String field(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String allowed(Class<?> type) {
        if (type != null && type.isEnum()) {
            return "; must be one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        return "";
    }

    private static int line(JsonParser p) {
        return line(p.currentTokenLocation());
    }

    private static int line(JsonLocation location) {
        return location == null ? 0 : location.getLineNr();
    }

    private static SystemsFileException fail(String name, int line, String message) {
        return new SystemsFileException("Connected systems file " + name + ", line " + line + ": " + message);
    }
}
