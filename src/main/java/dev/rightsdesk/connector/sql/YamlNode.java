package dev.rightsdesk.connector.sql;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A YAML value that remembers the line it was written on. Jackson's tree model forgets locations, and a mapping
 * error found only when the live schema is checked (a column that does not exist) must still point at its line.
 */
final class YamlNode {

    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final String file;
    private final int line;
    private final Object value;

    private YamlNode(String file, int line, Object value) {
        this.file = file;
        this.line = line;
        this.value = value;
    }

    /** Parses a whole document; syntax errors name the file and line. */
    static YamlNode parse(String file, String text) throws MappingException {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new MappingException(file, 1, "the file is empty");
            }
            return read(file, p);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new MappingException(file, at == null ? 0 : at.getLineNr(), e.getOriginalMessage());
        } catch (IOException e) {
            throw new MappingException(file, 0, "could not be read: " + e.getClass().getSimpleName());
        }
    }

    private static YamlNode read(String file, JsonParser p) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken token = p.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, YamlNode> fields = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                fields.put(name, read(file, p));
            }
            return new YamlNode(file, line, fields);
        }
        if (token == JsonToken.START_ARRAY) {
            List<YamlNode> items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                items.add(read(file, p));
            }
            return new YamlNode(file, line, items);
        }
        if (token == JsonToken.VALUE_NULL) {
            return new YamlNode(file, line, null);
        }
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return new YamlNode(file, line, p.getBooleanValue());
        }
        if (token.isNumeric()) {
            return new YamlNode(file, line, p.getNumberValue());
        }
        return new YamlNode(file, line, p.getText());
    }

    int line() {
        return line;
    }

    String file() {
        return file;
    }

    boolean isMap() {
        return value instanceof Map;
    }

    boolean isNull() {
        return value == null;
    }

    /** A problem at this node's line. */
    MappingException error(String message) {
        return new MappingException(file, line, message);
    }

    @SuppressWarnings("unchecked")
    Map<String, YamlNode> map(String what) throws MappingException {
        if (!(value instanceof Map)) {
            throw error(what + " must be a mapping (key: value)");
        }
        return Collections.unmodifiableMap((Map<String, YamlNode>) value);
    }

    /** The mapping, after checking it holds no key outside {@code known} (a typo must not silently drop a rule). */
    Map<String, YamlNode> map(String what, Set<String> known) throws MappingException {
        Map<String, YamlNode> fields = map(what);
        for (Map.Entry<String, YamlNode> e : fields.entrySet()) {
            if (!known.contains(e.getKey())) {
                throw e.getValue().error("unknown key '" + e.getKey() + "' in " + what + "; known keys: "
                        + String.join(", ", new TreeSet<>(known)));
            }
        }
        return fields;
    }

    @SuppressWarnings("unchecked")
    List<YamlNode> list(String what) throws MappingException {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List)) {
            throw error(what + " must be a list");
        }
        return (List<YamlNode>) value;
    }

    /** A scalar as text (numbers and booleans too); error when it is a mapping, a list or empty. */
    String text(String what) throws MappingException {
        if (value == null || value instanceof Map || value instanceof List || value.toString().isBlank()) {
            throw error(what + " must be a non-empty text");
        }
        return value.toString().trim();
    }

    /** A scalar kept with its YAML type (Boolean, Number, String or null), for values written into columns. */
    Object scalar(String what) throws MappingException {
        if (value instanceof Map || value instanceof List) {
            throw error(what + " must be a single value");
        }
        return value;
    }

    boolean bool(String what) throws MappingException {
        if (!(value instanceof Boolean b)) {
            throw error(what + " must be true or false");
        }
        return b;
    }
}
