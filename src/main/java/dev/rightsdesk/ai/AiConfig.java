package dev.rightsdesk.ai;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import dev.rightsdesk.ai.remediation.RemediationState;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    /** Model-version remediation. */
    Remediation remediation();

    /** How model remediations are scheduled, resolved and watched. */
    interface Remediation {
        /** Days before the ticket's due date that a remediation is due (never before the day it opens). */
        @WithDefault("2")
        int dueMarginDays();

        /**
         * Remedies that resolve a remediation as soon as they are recorded with their evidence, because the
         * evidence is checkable (a retraining on a snapshot holding the subject; a retirement). Others
         * (unlearning, an anonymity assessment) wait for an officer to record RESOLVED.
         */
        @WithDefault("RETRAINED,RETIRED")
        Set<RemediationState> autoResolve();

        /** Days before a remediation's due date at which the watch warns, once each. */
        @WithDefault("7,2")
        List<Integer> warnDays();

        /** How often reported model versions are checked for a missing remediation. */
        @WithDefault("10s")
        Duration syncEvery();

        /** How often the remediation deadline watch runs. */
        @WithDefault("15m")
        Duration watchEvery();
    }

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
