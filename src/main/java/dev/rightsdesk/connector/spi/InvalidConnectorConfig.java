package dev.rightsdesk.connector.spi;

/**
 * A connector's configuration or mapping file is wrong (or does not match the live store). The message names the
 * file and, where known, the line, like the systems file's errors, so an operator can act on it.
 */
public class InvalidConnectorConfig extends Exception {

    public InvalidConnectorConfig(String message) {
        super(message);
    }

    public InvalidConnectorConfig(String message, Throwable cause) {
        super(message, cause);
    }
}
