package dev.rightsdesk.ticket.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the audit chain is sealed and anchored. */
@ConfigMapping(prefix = "rightsdesk.audit")
public interface AuditConfig {

    /**
     * How often the sealer looks for pending entries when nothing woke it (entries committed by other replicas,
     * or a wake-up lost to a crash). Each commit that appended wakes the sealer of its own instance at once.
     */
    @WithDefault("1s")
    Duration sealInterval();

    /** How many pending entries one sealing round links into the chain before it commits. */
    @WithDefault("1000")
    int sealBatchSize();

    /**
     * The least time between two anchors of the chain head on {@code dsr.audit-anchors}. An anchor is published
     * only after a round that sealed something, so an idle chain publishes nothing.
     */
    @WithDefault("1m")
    Duration anchorInterval();
}
