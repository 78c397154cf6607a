package dev.rightsdesk.connector.files;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rightsdesk.connector.iceberg.IcebergSettings;
import dev.rightsdesk.connector.spi.ConnectorSettings;
import dev.rightsdesk.connector.spi.InvalidConnectorConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code connector:} block of a {@code files} system (docs/connectors.md "File datasets").
 *
 * @param directory the dataset's folder; every {@code *.parquet} and {@code *.jsonl} below it is a shard
 * @param dataset the name reported in {@code datasets[].dataset}; the folder name by default
 * @param identity identifier type to the fields that hold it
 * @param hmac a field with the HMAC-SHA256 of the identifier instead, or null
 * @param accessFields fields shown to the subject in an access answer
 * @param objectionErases an {@code ai-training} objection also removes the rows (default false)
 * @param objectionPurposes purposes this dataset is used for
 */
public record FilesSettings(Path directory, String dataset, Map<String, List<String>> identity,
                            IcebergSettings.Hmac hmac, List<String> accessFields, boolean objectionErases,
                            List<String> objectionPurposes) {

    static FilesSettings from(ConnectorSettings settings) throws InvalidConnectorConfig {
        JsonNode c = settings.config();
        String where = "systems file, system '" + settings.systemKey() + "', connector";
        if (!c.path("directory").isTextual()) {
            throw new InvalidConnectorConfig(where + ".directory: required");
        }
        Path dir = settings.baseDir().resolve(c.path("directory").asText()).normalize();
        if (!Files.isDirectory(dir)) {
            throw new InvalidConnectorConfig(where + ".directory: " + dir + " is not a folder");
        }
        Map<String, List<String>> identity = new LinkedHashMap<>();
        c.path("identity").fields().forEachRemaining(e -> {
            if (!e.getKey().equals("hmac")) {
                identity.put(e.getKey(), strings(e.getValue()));
            }
        });
        IcebergSettings.Hmac hmac = null;
        JsonNode h = c.path("identity").path("hmac");
        if (!h.isMissingNode()) {
            String ref = h.path("keyEnv").asText(h.path("keyFile").asText(""));
            String key = settings.secrets().apply(ref).orElseThrow(() ->
                    new InvalidConnectorConfig(where + ".identity.hmac: the key secret '" + ref + "' is not set"));
            if (!h.path("column").isTextual()) {
                throw new InvalidConnectorConfig(where + ".identity.hmac.column: required");
            }
            hmac = new IcebergSettings.Hmac(h.path("column").asText(), h.path("identifier").asText("email"),
                    base64Key(key, where));
        }
        if (identity.isEmpty() && hmac == null) {
            throw new InvalidConnectorConfig(where + ".identity: name at least one identifier field (email: [email])");
        }
        JsonNode objection = c.path("objection");
        return new FilesSettings(dir, c.path("dataset").asText(dir.getFileName().toString()), identity, hmac,
                strings(c.path("accessFields")), objection.path("erase").asBoolean(false),
                objection.has("purposes") ? strings(objection.path("purposes")) : List.of("ai-training"));
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isTextual()) {
            out.add(node.asText());
        } else {
            node.forEach(n -> out.add(n.asText()));
        }
        return List.copyOf(out);
    }

    /** The exclusion list's HMAC key is Base64 (docs/ai-rights.md "The hash"). */
    static byte[] base64Key(String key, String where) throws InvalidConnectorConfig {
        try {
            return java.util.Base64.getDecoder().decode(key.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidConnectorConfig(where + ".identity.hmac: the key is not Base64");
        }
    }
}
