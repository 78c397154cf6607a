package dev.rightsdesk.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code connector:} block of one system as written in the systems file: which built-in engine serves the
 * system ({@code type}) and its engine-specific keys, unread here. Where it came from is kept so that the connector
 * runtime can report a bad type or setting at the file and line, like every other error of the file.
 *
 * @param type {@code connector.type}, e.g. {@code sql}
 * @param config the whole block, {@code type} included
 * @param file the systems file's location as configured ({@code classpath:systems.yaml} or a path)
 * @param line the line of the block in that file
 */
public record ConnectorBlock(String type, ObjectNode config, String file, int line) {

    /** A copy, so that no reader can change the registry's block. */
    @Override
    public ObjectNode config() {
        return config.deepCopy();
    }

    /** The block's value of {@code field}, or a missing node. */
    public JsonNode get(String field) {
        return config.path(field);
    }

    @Override
    public String toString() {
        // settings may hold host names and user names; the type is enough in a log line
        return "ConnectorBlock[type=" + type + ", " + file + ":" + line + "]";
    }
}
