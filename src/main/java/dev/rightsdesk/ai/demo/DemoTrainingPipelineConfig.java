package dev.rightsdesk.ai.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** The demo training pipeline of the embedded run: how often it trains and how forgetful it is. */
@ConfigMapping(prefix = "rightsdesk.demo.training-pipeline")
public interface DemoTrainingPipelineConfig {

    /** Whether the demo pipeline runs (and is registered); on in the embedded default run only. */
    @WithDefault("${rightsdesk.demo.enabled:false}")
    boolean enabled();

    /** How often it trains. */
    @WithDefault("60s")
    Duration every();

    /** OpenLineage job namespace it reports under. */
    @WithDefault("rightsdesk-demo")
    String namespace();

    /** OpenLineage job name it reports under. */
    @WithDefault("train-recommender")
    String name();

    /**
     * Probability (0 to 1) that a run "forgets" the latest snapshot and applies an older one, so a
     * violation can be watched being caught. 0 (default): never.
     */
    @WithDefault("0")
    double forgetSnapshotProbability();

    /** E-mail addresses in the demo training corpus (the records it filters before each run). */
    @WithDefault("ada@example.org,grace@example.org,alan@example.org,edsger@example.org,barbara@example.org")
    List<String> corpusEmails();
}
