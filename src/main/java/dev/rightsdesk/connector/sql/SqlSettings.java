package dev.rightsdesk.connector.sql;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rightsdesk.connector.spi.ConnectorSettings;
import dev.rightsdesk.connector.spi.InvalidConnectorConfig;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code connector:} block of a system served by the SQL connector, read and checked. Secrets (the password,
 * the hash key) are only ever referenced in the file ({@code passwordEnv}, {@code passwordFile}, {@code hashKeyEnv})
 * and resolved here through {@link ConnectorSettings#secrets()}.
 *
 * @param hashKeyFromDeployment false when no {@code hashKeyEnv} was given and a random key was made for this start
 */
record SqlSettings(String systemKey, String jdbcUrl, String username, String password, String dataset,
        byte[] hashKey, boolean hashKeyFromDeployment, Duration connectTimeout, Duration statementTimeout,
        int maxConnections, boolean dryRun) {

    private static final Set<String> KEYS = Set.of("type", "jdbcUrl", "username", "passwordEnv", "passwordFile",
            "dataset", "hashKeyEnv", "connectTimeout", "statementTimeout", "maxConnections");

    static SqlSettings from(ConnectorSettings s) throws InvalidConnectorConfig {
        String where = "system '" + s.systemKey() + "' connector: ";
        JsonNode c = s.config();
        if (c == null || !c.isObject()) {
            throw new InvalidConnectorConfig(where + "the connector block must be a mapping");
        }
        if (c.has("password")) {
            throw new InvalidConnectorConfig(where + "a password is never written in the file; use passwordEnv or passwordFile");
        }
        for (Iterator<String> it = c.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new InvalidConnectorConfig(where + "unknown key '" + key + "' for type sql; known keys: "
                        + String.join(", ", new java.util.TreeSet<>(KEYS)));
            }
        }
        String url = text(c, "jdbcUrl", where);
        if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:mariadb:") && !url.startsWith("jdbc:mysql:")) {
            throw new InvalidConnectorConfig(where + "'jdbcUrl' must be a jdbc:postgresql:, jdbc:mariadb: or jdbc:mysql: URL");
        }
        String username = text(c, "username", where);
        String password = "";
        if (c.hasNonNull("passwordEnv") || c.hasNonNull("passwordFile")) {
            String ref = c.hasNonNull("passwordEnv") ? c.get("passwordEnv").asText() : c.get("passwordFile").asText();
            Optional<String> resolved = s.secrets().apply(ref);
            if (resolved.isEmpty()) {
                throw new InvalidConnectorConfig(where + "the password secret '" + ref + "' is not set");
            }
            password = resolved.get().strip();
        }
        String dataset = text(c, "dataset", where);
        byte[] hashKey;
        boolean fromDeployment = c.hasNonNull("hashKeyEnv");
        if (fromDeployment) {
            String ref = c.get("hashKeyEnv").asText();
            String key = s.secrets().apply(ref).orElseThrow(() ->
                    new InvalidConnectorConfig(where + "the hash key secret '" + ref + "' is not set"));
            hashKey = decodeKey(key.strip());
            if (hashKey.length < 16) {
                throw new InvalidConnectorConfig(where + "the hash key '" + ref + "' must hold at least 16 bytes");
            }
        } else {
            // no deployment key: a random one per start; hashes are then not linkable across restarts
            hashKey = new byte[32];
            new SecureRandom().nextBytes(hashKey);
        }
        Duration connect = duration(c, "connectTimeout", Duration.ofSeconds(5), where);
        Duration statement = duration(c, "statementTimeout", Duration.ofSeconds(30), where);
        int max = c.has("maxConnections") ? c.get("maxConnections").asInt(0) : 4;
        if (max < 1 || max > 64) {
            throw new InvalidConnectorConfig(where + "'maxConnections' must be between 1 and 64");
        }
        return new SqlSettings(s.systemKey(), url, username, password, dataset, hashKey, fromDeployment, connect,
                statement, max, s.dryRun());
    }

    private static byte[] decodeKey(String key) {
        try {
            return Base64.getDecoder().decode(key);
        } catch (IllegalArgumentException e) {
            return key.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static String text(JsonNode c, String key, String where) throws InvalidConnectorConfig {
        JsonNode v = c.get(key);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new InvalidConnectorConfig(where + "'" + key + "' is required");
        }
        return v.asText().trim();
    }

    private static Duration duration(JsonNode c, String key, Duration fallback, String where)
            throws InvalidConnectorConfig {
        if (!c.hasNonNull(key)) {
            return fallback;
        }
        try {
            Duration d = Duration.parse(c.get(key).asText().trim());
            if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new InvalidConnectorConfig(where + "'" + key + "' must be positive and at most PT10M");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new InvalidConnectorConfig(where + "'" + key + "' must be an ISO-8601 duration such as PT5S");
        }
    }

    /** Never prints the password or the key. */
    @Override
    public String toString() {
        return "SqlSettings[system=" + systemKey + ", dataset=" + dataset + ", dryRun=" + dryRun + "]";
    }
}
