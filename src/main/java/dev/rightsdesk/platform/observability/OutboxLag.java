package dev.rightsdesk.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.inject.Singleton;
import jakarta.enterprise.event.Observes;
import javax.sql.DataSource;

/**
 * How far the outbox is behind: the number of events not yet acknowledged by Kafka and the age of the oldest.
 * Exposed as {@code rightsdesk_outbox_pending} and {@code rightsdesk_outbox_oldest_pending_age_seconds} (cached
 * like the ticket gauges) and read fresh by {@link OutboxLagCheck}. Both queries run on the partial index of
 * pending events, so they stay cheap however large the published history grows.
 */
@Singleton
public class OutboxLag extends Backlog {

    public OutboxLag(DataSource dataSource, ObservabilityConfig config) {
        super(dataSource, config, "SELECT count(*), (SELECT created_at FROM outbox_event WHERE published_at IS NULL"
                + " ORDER BY seq LIMIT 1), now() FROM outbox_event WHERE published_at IS NULL");
    }

    void register(@Observes StartupEvent started, MeterRegistry registry) {
        register(registry, "rightsdesk.outbox", "Outbox events not yet acknowledged by Kafka",
                "Age of the oldest outbox event not yet acknowledged by Kafka");
    }
}
