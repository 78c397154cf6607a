package dev.rightsdesk.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the outbox relay runs. */
@ConfigMapping(prefix = "rightsdesk.outbox")
public interface OutboxConfig {

    /** Whether this instance relays at all (several may; one at a time holds the relay lock). */
    @WithDefault("true")
    boolean relayEnabled();

    /** How many events one relay round publishes before it commits their published marks. */
    @WithDefault("500")
    int batchSize();

    /** How often the relay looks for pending events when it is idle. */
    @WithDefault("0.5s")
    Duration pollInterval();

    /** How long the relay waits for the broker to acknowledge a batch before it retries later. */
    @WithDefault("30s")
    Duration ackTimeout();
}
