package dev.rightsdesk.platform.observability;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: DOWN when the oldest unpublished outbox event is older than
 * {@code rightsdesk.observability.outbox-lag-threshold}, that is, when events stopped reaching Kafka (broker
 * outage, relay stuck). Intake keeps accepting meanwhile (the events wait in the outbox); docs/operations.md says
 * what this does to a Kubernetes Service during a long broker outage.
 */
@Readiness
@ApplicationScoped
public class OutboxLagCheck implements HealthCheck {

    static final String NAME = "Outbox relay lag";

    private final OutboxLag lag;
    private final ObservabilityConfig config;

    public OutboxLagCheck(OutboxLag lag, ObservabilityConfig config) {
        this.lag = lag;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            OutboxLag.Reading reading = lag.read();
            boolean behind = reading.oldestAge().compareTo(config.outboxLagThreshold()) > 0;
            return HealthCheckResponse.named(NAME).status(!behind)
                    .withData("pending", reading.pending())
                    .withData("oldestPendingAgeSeconds", reading.oldestAge().toSeconds())
                    .withData("thresholdSeconds", config.outboxLagThreshold().toSeconds())
                    .build();
        } catch (SQLException e) {
            return HealthCheckResponse.named(NAME).down().withData("error", "database unavailable").build();
        }
    }
}
