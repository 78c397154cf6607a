package dev.rightsdesk.connector.iceberg;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rightsdesk.connector.spi.ConnectorSettings;
import dev.rightsdesk.connector.spi.InvalidConnectorConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code connector:} block of an {@code iceberg} system (docs/connectors.md "Iceberg datasets"), read and checked.
 *
 * @param catalogUri JDBC URL of the catalog database (a {@code JdbcCatalog} keeps its own tables there)
 * @param catalogUser catalog database user
 * @param catalogPassword resolved from {@code passwordEnv}/{@code passwordFile}; empty when unset
 * @param catalogName the catalog's name (its rows in the catalog tables are keyed by it)
 * @param warehouse where new tables are created (existing tables keep their own location)
 * @param table {@code namespace.table}
 * @param dataset the name reported in {@code datasets[].dataset}; the table name by default
 * @param identity identifier type ({@code email}) to the columns that hold it
 * @param hmac a column holding HMAC-SHA256(key, normalised identifier) instead of the identifier, or null
 * @param personalColumns columns whose statistics must never be kept (metrics mode {@code none}); the identity
 *        columns are always among them
 * @param accessFields non-training fields shown to the subject in an access answer
 * @param pinnedRefs {@code remove} (default) drops tags and branches that pin a snapshot holding the subject;
 *        {@code refuse} fails the erasure instead, for an officer to decide
 * @param orphanMinAge unreachable files younger than this may belong to a writer still committing: they are kept
 *        (and a subject value found in one fails the task as retryable)
 * @param objectionErases an {@code ai-training} objection also erases the rows (default false: exclusion is the
 *        AI side's exclusion list)
 * @param objectionPurposes the objection purposes this dataset processes for
 * @param maxAttempts commit attempts of one rewrite when concurrent writers keep conflicting
 */
public record IcebergSettings(
        String catalogUri,
        String catalogUser,
        String catalogPassword,
        String catalogName,
        Path warehouse,
        String table,
        String dataset,
        Map<String, List<String>> identity,
        Hmac hmac,
        List<String> personalColumns,
        List<String> accessFields,
        String pinnedRefs,
        Duration orphanMinAge,
        boolean objectionErases,
        List<String> objectionPurposes,
        int maxAttempts) {

    /** A column holding the training-exclusion hash of the subject (docs/ai-rights.md "The hash"); key Base64. */
    public record Hmac(String column, String identifier, byte[] key) {
    }

    static IcebergSettings from(ConnectorSettings settings) throws InvalidConnectorConfig {
        JsonNode c = settings.config();
        String where = "systems file, system '" + settings.systemKey() + "', connector";
        JsonNode catalog = c.path("catalog");
        String uri = text(catalog, "uri", where + ".catalog");
        String user = catalog.path("user").asText("");
        String password = secret(settings, catalog, where + ".catalog").orElse("");
        String name = catalog.path("name").asText("rightsdesk");
        Path warehouse = settings.baseDir().resolve(text(catalog, "warehouse", where + ".catalog")).normalize();
        String table = text(c, "table", where);
        if (!table.contains(".")) {
            throw new InvalidConnectorConfig(where + ".table: write it as namespace.table");
        }
        Map<String, List<String>> identity = new LinkedHashMap<>();
        c.path("identity").fields().forEachRemaining(e -> {
            if (!e.getKey().equals("hmac")) {
                identity.put(e.getKey(), strings(e.getValue()));
            }
        });
        Hmac hmac = null;
        JsonNode h = c.path("identity").path("hmac");
        if (!h.isMissingNode()) {
            String key = secret(settings, h, where + ".identity.hmac")
                    .orElseThrow(() -> new InvalidConnectorConfig(where + ".identity.hmac: keyEnv or keyFile is not set"));
            hmac = new Hmac(text(h, "column", where + ".identity.hmac"), h.path("identifier").asText("email"),
                    base64Key(key, where));
        }
        if (identity.isEmpty() && hmac == null) {
            throw new InvalidConnectorConfig(where + ".identity: name at least one identifier column (email: [email]) or an hmac column");
        }
        List<String> personal = new ArrayList<>(strings(c.path("personalColumns")));
        identity.values().forEach(cols -> cols.stream().filter(col -> !personal.contains(col)).forEach(personal::add));
        if (hmac != null && !personal.contains(hmac.column())) {
            personal.add(hmac.column());
        }
        String pinned = c.path("pinnedRefs").asText("remove").toLowerCase(Locale.ROOT);
        if (!pinned.equals("remove") && !pinned.equals("refuse")) {
            throw new InvalidConnectorConfig(where + ".pinnedRefs: remove or refuse");
        }
        Duration minAge;
        try {
            minAge = Duration.parse(c.path("orphanMinAge").asText("PT10M"));
        } catch (DateTimeParseException e) {
            throw new InvalidConnectorConfig(where + ".orphanMinAge: an ISO-8601 duration such as PT10M");
        }
        JsonNode objection = c.path("objection");
        List<String> purposes = objection.has("purposes") ? strings(objection.path("purposes")) : List.of("ai-training");
        return new IcebergSettings(uri, user, password, name, warehouse, table,
                c.path("dataset").asText(table.substring(table.lastIndexOf('.') + 1)), identity, hmac,
                List.copyOf(personal), strings(c.path("accessFields")), pinned, minAge,
                objection.path("erase").asBoolean(false), purposes, Math.max(1, c.path("maxAttempts").asInt(5)));
    }

    static Optional<String> secret(ConnectorSettings settings, JsonNode block, String where) throws InvalidConnectorConfig {
        for (String key : List.of("passwordEnv", "passwordFile", "keyEnv", "keyFile")) {
            if (block.hasNonNull(key)) {
                String ref = block.get(key).asText();
                return Optional.of(settings.secrets().apply(ref)
                        .orElseThrow(() -> new InvalidConnectorConfig(where + "." + key + ": the secret " + ref + " is not set")));
            }
        }
        return Optional.empty();
    }

    static String text(JsonNode node, String field, String where) throws InvalidConnectorConfig {
        JsonNode v = node.path(field);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new InvalidConnectorConfig(where + "." + field + ": required");
        }
        return v.asText();
    }

    static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isTextual()) {
            out.add(node.asText());
        } else if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return "IcebergSettings[table=" + table + ", catalog=" + catalogName + "]";
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
