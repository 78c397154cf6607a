package dev.rightsdesk.platform.crypto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Finds the personal fields of an event's {@code data} and seals or opens them in the rd1 format
 * ({@link SealedField}). Which fields are personal is part of the Kafka contract (docs/events.md) and listed in
 * {@link #COMMAND} and {@link #RESULT}; a pattern is a dotted path where {@code *} is any field of an object and
 * {@code []} every element of an array. The concrete path of a value ({@code subject.identifiers.customerId},
 * {@code corrections[0].currentValue}) is what its associated data binds it to. Pure: keys come from the caller.
 */
public final class PersonalFields {

    /** The personal fields of a task command's {@code data}. */
    public static final List<String> COMMAND = List.of("subject.email", "subject.name", "subject.identifiers.*",
            "corrections[].currentValue", "corrections[].correctedValue");

    /** The personal fields of a task result's {@code data}: the access answer, its chunks, and the free-text reason. */
    public static final List<String> RESULT = List.of("answer", "chunk.data", "reason");

    private static final ObjectMapper JSON = new ObjectMapper();

    private PersonalFields() {
    }

    /** A copy of {@code data} with every present, non-null value at {@code patterns} sealed under {@code key}. */
    public static JsonNode seal(JsonNode data, List<String> patterns, DataKey key) {
        JsonNode copy = data.deepCopy();
        for (Match m : matches(copy, patterns)) {
            if (m.value().isTextual() && SealedField.looksSealed(m.value().asText())) {
                continue; // already sealed: sealing twice would hide the value from the recipient
            }
            m.replace(TextNode.valueOf(SealedField.seal(key, m.path(), m.value().toString())));
        }
        return copy;
    }

    /**
     * A copy of {@code data} with every rd1 value, wherever it is, opened with the key {@code keys} gives for its key
     * id and path; {@link UnreadableFieldException} when one cannot be read.
     */
    public static JsonNode open(JsonNode data, BiFunction<String, String, DataKey> keys) {
        JsonNode copy = data.deepCopy();
        List<Match> sealed = new ArrayList<>();
        collectSealed(copy, "", null, null, -1, sealed);
        for (Match m : sealed) {
            String text = m.value().asText();
            DataKey key = keys.apply(SealedField.keyIdOf(text, m.path()), m.path());
            String json = SealedField.open(key, m.path(), text);
            try {
                m.replace(JSON.readTree(json));
            } catch (JsonProcessingException e) {
                throw new UnreadableFieldException(m.path(), "decrypts to something that is not JSON text");
            }
        }
        return copy;
    }

    /** The concrete paths of values at {@code patterns} that are present and not sealed: personal data in the clear. */
    public static List<String> clear(JsonNode data, List<String> patterns) {
        List<String> out = new ArrayList<>();
        for (Match m : matches(data, patterns)) {
            if (!(m.value().isTextual() && SealedField.looksSealed(m.value().asText()))) {
                out.add(m.path());
            }
        }
        return out;
    }

    /** True when {@code data} holds at least one rd1 value anywhere. */
    public static boolean anySealed(JsonNode data) {
        List<Match> sealed = new ArrayList<>();
        collectSealed(data, "", null, null, -1, sealed);
        return !sealed.isEmpty();
    }

    /** A value found in the tree, with what it takes to replace it in its parent. */
    private record Match(String path, JsonNode value, JsonNode parent, String field, int index) {
        void replace(JsonNode with) {
            if (parent instanceof ObjectNode o) {
                o.set(field, with);
            } else if (parent instanceof ArrayNode a) {
                a.set(index, with);
            }
        }
    }

    private static List<Match> matches(JsonNode data, List<String> patterns) {
        List<Match> out = new ArrayList<>();
        for (String pattern : patterns) {
            walk(data, pattern.split("\\."), 0, "", out);
        }
        return out;
    }

    private static void walk(JsonNode node, String[] segments, int at, String path, List<Match> out) {
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        String segment = segments[at];
        boolean array = segment.endsWith("[]");
        String name = array ? segment.substring(0, segment.length() - 2) : segment;
        List<String> fields = new ArrayList<>();
        if ("*".equals(name)) {
            object.fieldNames().forEachRemaining(fields::add);
        } else if (object.has(name)) {
            fields.add(name);
        }
        boolean last = at == segments.length - 1;
        for (String field : fields) {
            JsonNode child = object.get(field);
            String childPath = path.isEmpty() ? field : path + "." + field;
            if (child == null || child.isNull()) {
                continue;
            }
            if (array) {
                if (!child.isArray()) {
                    continue;
                }
                for (int i = 0; i < child.size(); i++) {
                    String elementPath = childPath + "[" + i + "]";
                    if (last) {
                        if (!child.get(i).isNull()) {
                            out.add(new Match(elementPath, child.get(i), child, null, i));
                        }
                    } else {
                        walk(child.get(i), segments, at + 1, elementPath, out);
                    }
                }
            } else if (last) {
                out.add(new Match(childPath, child, object, field, -1));
            } else {
                walk(child, segments, at + 1, childPath, out);
            }
        }
    }

    private static void collectSealed(JsonNode node, String path, JsonNode parent, String field, int index, List<Match> out) {
        if (node.isTextual() && SealedField.looksSealed(node.asText()) && parent != null) {
            out.add(new Match(path, node, parent, field, index));
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                collectSealed(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), node, e.getKey(), -1, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectSealed(node.get(i), path + "[" + i + "]", node, null, i, out);
            }
        }
    }
}
