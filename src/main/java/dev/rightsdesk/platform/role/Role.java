package dev.rightsdesk.platform.role;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What one instance of the image does ({@code rightsdesk.role}, env {@code RIGHTSDESK_ROLE}). The same image runs the
 * core (intake, officer side, fan-out, outbox relay, scheduled jobs) and the built-in connector workers; a cluster
 * runs them as separate Deployments so that workers scale out as consumer-group members (docs/connectors.md).
 */
public enum Role {
    /** Everything in one process: the default, and the embedded run. */
    ALL,
    /** The core only: no built-in connector worker starts (their commands wait on Kafka for a connector Deployment). */
    CORE,
    /**
     * Built-in connector workers only: no web API or pages (health and metrics stay), no Kafka consumer of Rightsdesk's
     * own topics, no outbox relay, no scheduled job.
     */
    CONNECTORS;

    public static final String KEY = "rightsdesk.role";

    /** Reads a configured value; null or blank means {@link #ALL}. */
    public static Role parse(String value) {
        if (value == null || value.isBlank()) {
            return ALL;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(KEY + " must be one of " + Arrays.stream(values())
                    .map(r -> r.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + ", not '" + value + "'");
        }
    }

    /** True when this instance serves the intake, the officer side and Rightsdesk's own consumers and jobs. */
    public boolean runsCore() {
        return this != CONNECTORS;
    }

    /** True when this instance may run built-in connector workers (still subject to rightsdesk.connectors.enabled). */
    public boolean runsConnectors() {
        return this != CORE;
    }
}
