package dev.rightsdesk.platform.lifecycle;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How a stop waits for the work in hand (docs/operations.md, "Stopping"). */
@ConfigMapping(prefix = "rightsdesk.shutdown")
public interface ShutdownConfig {

    /**
     * How long a stop waits, at most, for the scheduled jobs and for the consumers' batches being applied when it
     * begins (each). What is still running then rolls back and is done again after the restart.
     */
    @WithDefault("2s")
    Duration drainTimeout();
}
