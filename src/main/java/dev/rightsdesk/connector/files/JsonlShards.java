package dev.rightsdesk.connector.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** JSON Lines shards: one JSON object per line; fields are looked up by name. */
final class JsonlShards implements ShardFormat<ObjectNode> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Shard<ObjectNode> read(Path file) throws IOException {
        List<ObjectNode> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = JSON.readTree(line);
                if (!(node instanceof ObjectNode o)) {
                    throw new IOException(file.getFileName() + " line " + n + " is not a JSON object");
                }
                rows.add(o);
            }
        }
        return new Shard<>(null, rows);
    }

    @Override
    public void write(Path file, Shard<ObjectNode> shard) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (ObjectNode row : shard.rows()) {
                out.write(JSON.writeValueAsString(row));
                out.write('\n');
            }
        }
    }

    @Override
    public Object field(ObjectNode row, String name) {
        JsonNode v = row.get(name);
        return v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
    }

    @Override
    public ObjectNode withField(ObjectNode row, Object schema, String name, String value) {
        ObjectNode copy = row.deepCopy();
        JsonNode old = row.get(name);
        if (old != null && old.isNumber()) {
            copy.set(name, JSON.getNodeFactory().numberNode(new java.math.BigDecimal(value)));
        } else if (old != null && old.isBoolean()) {
            copy.put(name, Boolean.parseBoolean(value));
        } else {
            copy.put(name, value);
        }
        return copy;
    }

    @Override
    public boolean hasField(Object schema, String name) {
        return true;
    }
}
