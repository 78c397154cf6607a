package dev.rightsdesk.connector.spi;

/**
 * A command could not be carried out. The message is the {@code reason} of the FAILED result, so it must never
 * hold personal data (no values, no identifiers): name tables, columns, counts and error classes only.
 */
public class ConnectorFailure extends Exception {

    private final boolean retryable;

    public ConnectorFailure(String reason, boolean retryable, Throwable cause) {
        super(reason, cause);
        this.retryable = retryable;
    }

    public ConnectorFailure(String reason, boolean retryable) {
        this(reason, retryable, null);
    }

    /** True when trying again later may work (the store is down, a timeout, a concurrent commit). */
    public boolean retryable() {
        return retryable;
    }
}
