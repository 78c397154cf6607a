package dev.rightsdesk.connector.sql;

import dev.rightsdesk.connector.spi.InvalidConnectorConfig;

/** A mapping file problem, named by file and line like the systems file's errors. */
final class MappingException extends InvalidConnectorConfig {

    MappingException(String file, int line, String message) {
        super("Dataset mapping " + file + (line > 0 ? ", line " + line : "") + ": " + message);
    }
}
