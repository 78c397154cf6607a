package dev.rightsdesk.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.rightsdesk.connector.spi.ConnectorSettings;
import dev.rightsdesk.system.ConnectedSystem;
import dev.rightsdesk.system.ConnectorBlock;
import dev.rightsdesk.system.SystemsFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a system's {@code connector:} block into the {@link ConnectorSettings} an engine gets, at start:
 * <ul>
 * <li>{@code ${key}} and {@code ${key:default}} in string values are replaced by configuration values (the embedded
 * run puts its database port there this way);</li>
 * <li>secrets are resolved: every {@code <name>Env: VARIABLE} and {@code <name>File: /path} key is read now, so a
 * missing secret stops the start with the file and line, never the first command. The engine asks for
 * {@code <name>} ({@code secrets.apply("password")}) or for the reference it read from the block ({@code
 * secrets.apply("CRM_DB_PASSWORD")}); the reference keys stay in {@code config} (they hold no secret), and clear-text
 * {@code password} keys are refused.</li>
 * </ul>
 */
final class SettingsReader {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-\\[\\]\"]+)(?::([^}]*))?}");
    private static final Pattern CLEAR_SECRET = Pattern.compile("(?i)^(password|secret|token|apiKey|privateKey)$");

    private final UnaryOperator<String> config;
    private final UnaryOperator<String> env;

    /**
     * @param config a configuration value by key, or null when unset
     * @param env an environment variable by name, or null when unset
     */
    SettingsReader(UnaryOperator<String> config, UnaryOperator<String> env) {
        this.config = config;
        this.env = env;
    }

    ConnectorSettings read(ConnectedSystem system) {
        ConnectorBlock block = system.connector();
        ObjectNode node = block.config();
        Map<String, String> secrets = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            if (CLEAR_SECRET.matcher(key).matches()) {
                throw fail(system, "'connector." + key + "' must not be written in clear; use '" + key + "Env: VARIABLE'"
                        + " or '" + key + "File: /path/to/file'");
            }
            if (key.endsWith("Env") && key.length() > 3) {
                String variable = text(system, key, field.getValue());
                String value = env.apply(variable);
                if (value == null || value.isEmpty()) {
                    throw fail(system, "'connector." + key + "' names the environment variable " + variable
                            + ", which is not set");
                }
                secrets.put(key.substring(0, key.length() - 3), value);
                // engines that read the reference from the block ask for the variable's name itself
                secrets.put(variable, value);
            } else if (key.endsWith("File") && key.length() > 4 && !key.equals("datasetFile")) {
                String path = text(system, key, field.getValue());
                try {
                    String value = Files.readString(Path.of(path), StandardCharsets.UTF_8).strip();
                    secrets.put(key.substring(0, key.length() - 4), value);
                    secrets.put(path, value);
                } catch (IOException | RuntimeException e) {
                    throw fail(system, "'connector." + key + "' names " + path + ", which cannot be read ("
                            + e.getClass().getSimpleName() + ")");
                }
            } else {
                field.setValue(expand(system, key, field.getValue()));
            }
        }
        Map<String, String> resolved = Map.copyOf(secrets);
        Path baseDir = block.file().startsWith("classpath:") ? Path.of(".")
                : Optional.ofNullable(Path.of(block.file()).toAbsolutePath().getParent()).orElse(Path.of("."));
        return new ConnectorSettings(system.key(), block.type(), node, baseDir,
                name -> Optional.ofNullable(resolved.get(strip(name))), system.dryRun());
    }

    /** The engine may ask for {@code password} or for the reference key it knows from the file. */
    private static String strip(String name) {
        if (name.endsWith("Env")) {
            return name.substring(0, name.length() - 3);
        }
        if (name.endsWith("File")) {
            return name.substring(0, name.length() - 4);
        }
        return name;
    }

    private JsonNode expand(ConnectedSystem system, String key, JsonNode value) {
        if (value.isTextual()) {
            return TextNode.valueOf(expand(system, key, value.asText()));
        }
        if (value.isObject()) {
            ObjectNode copy = (ObjectNode) value;
            copy.fields().forEachRemaining(f -> f.setValue(expand(system, key + "." + f.getKey(), f.getValue())));
            return copy;
        }
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) value).set(i, expand(system, key + "[" + i + "]", value.get(i)));
            }
        }
        return value;
    }

    private String expand(ConnectedSystem system, String key, String text) {
        Matcher m = EXPRESSION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = config.apply(m.group(1));
            if (value == null) {
                value = m.group(2);
            }
            if (value == null) {
                throw fail(system, "'connector." + key + "' refers to ${" + m.group(1) + "}, which is not configured");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String text(ConnectedSystem system, String key, JsonNode value) {
        if (!value.isTextual() || value.asText().isBlank()) {
            throw fail(system, "'connector." + key + "' must be a non-empty string");
        }
        return value.asText().trim();
    }

    static SystemsFileException fail(ConnectedSystem system, String message) {
        ConnectorBlock block = system.connector();
        return new SystemsFileException("Connected systems file " + block.file() + ", line " + block.line()
                + ": system '" + system.key() + "': " + message);
    }
}
