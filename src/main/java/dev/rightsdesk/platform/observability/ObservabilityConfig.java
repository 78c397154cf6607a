package dev.rightsdesk.platform.observability;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the product's own metrics and health checks are computed: {@code rightsdesk.observability.*}. */
@ConfigMapping(prefix = "rightsdesk.observability")
public interface ObservabilityConfig {

    /**
     * How long the ticket and outbox gauges reuse one database reading. Prometheus scrapes every replica every
     * 15-30 s; caching keeps the grouped count queries at most one per replica per interval.
     */
    @WithDefault("5s")
    Duration gaugeCacheTtl();

    /** A ticket is "at risk" when it is open and its effective due date is at most this many days away. */
    @WithDefault("7")
    int atRiskDays();

    /**
     * The outbox readiness check reports DOWN when the oldest unpublished event is older than this: events are
     * not reaching Kafka (broker outage, relay stuck). Normal relay lag is well under a second.
     */
    @WithDefault("30s")
    Duration outboxLagThreshold();

    /** How long the Kafka readiness check waits for the cluster's answer before it reports DOWN. */
    @WithDefault("2s")
    Duration kafkaHealthTimeout();
}
