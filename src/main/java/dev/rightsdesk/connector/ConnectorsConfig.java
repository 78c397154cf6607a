package dev.rightsdesk.connector;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The built-in connector workers: {@code rightsdesk.connectors.*} (docs/connectors.md). */
@ConfigMapping(prefix = "rightsdesk.connectors")
public interface ConnectorsConfig {

    /**
     * {@code rightsdesk.connectors.enabled}: start a worker for every system of the systems file that names a
     * {@code connector}. Off, or {@code rightsdesk.role=core}, the commands of those systems wait on their topics for
     * a connector Deployment.
     */
    @WithDefault("true")
    boolean enabled();

    /** Commands one system's worker executes at once; beyond that its consumer pauses until one finishes. */
    @WithDefault("4")
    int maxInFlight();

    /** A command still running after this long is answered ACKNOWLEDGED first (docs/events.md), once. */
    @WithDefault("2s")
    Duration acknowledgeAfter();

    /** The contract's inline limit for an access answer, UTF-8 bytes; larger answers go in chunks. */
    @WithDefault("262144")
    int inlineLimit();

    /** How long a stopping worker waits for the commands it is executing before it leaves them to the next start. */
    @WithDefault("20s")
    Duration shutdownGrace();
}
