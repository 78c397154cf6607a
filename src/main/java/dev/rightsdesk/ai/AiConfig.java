package dev.rightsdesk.ai;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** AI rights: which OpenLineage jobs are training pipelines, and how strictly their runs are checked. */
@ConfigMapping(prefix = "rightsdesk.ai")
public interface AiConfig {

    /**
     * Training pipelines, registered like connected systems by the namespace and name of their OpenLineage
     * job ({@code rightsdesk.ai.pipelines[0].namespace=...}, {@code ...[0].name=...}). Runs of other jobs are ignored.
     */
    Optional<List<Pipeline>> pipelines();

    /**
     * How long before a run's start an exclusion must have been recorded for the run to be required to
     * apply it. 0 (default): every exclusion recorded before the START event's eventTime.
     */
    @WithDefault("0s")
    Duration runStartGrace();

    /** One training pipeline: its OpenLineage job. */
    interface Pipeline {
        /** OpenLineage {@code job.namespace}. */
        String namespace();

        /** OpenLineage {@code job.name}. */
        String name();

        /** What it trains (shown to officers and in access answers). */
        Optional<String> description();
    }
}
