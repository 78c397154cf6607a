package dev.rightsdesk.platform.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * How far the outbox is behind: the number of events not yet acknowledged by Kafka and the age of the oldest.
 * Exposed as {@code rightsdesk_outbox_pending} and {@code rightsdesk_outbox_oldest_pending_age_seconds} (cached
 * like the ticket gauges) and read fresh by {@link OutboxLagCheck}. Both queries run on the partial index of
 * pending events, so they stay cheap however large the published history grows.
 */
@ApplicationScoped
public class OutboxLag {

    private static final Logger LOG = Logger.getLogger(OutboxLag.class);

    /** One reading: pending events and the age of the oldest (zero when none is pending). */
    public record Reading(long pending, Duration oldestAge) {
    }

    private final DataSource dataSource;
    private final ObservabilityConfig config;
    private volatile Reading last = new Reading(0, Duration.ZERO);
    private volatile long readAt;
    private volatile boolean everRead;

    public OutboxLag(DataSource dataSource, ObservabilityConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    void register(@Observes StartupEvent started, MeterRegistry registry) {
        Gauge.builder("rightsdesk.outbox.pending", this, o -> o.cached().pending())
                .description("Outbox events not yet acknowledged by Kafka").register(registry);
        Gauge.builder("rightsdesk.outbox.oldest.pending.age", this, o -> o.cached().oldestAge().toMillis() / 1000.0)
                .description("Age of the oldest outbox event not yet acknowledged by Kafka").baseUnit("seconds")
                .register(registry);
    }

    synchronized Reading cached() {
        if (everRead && System.nanoTime() - readAt < config.gaugeCacheTtl().toNanos()) {
            return last;
        }
        try {
            last = read();
        } catch (SQLException e) {
            LOG.debugf("Outbox gauges not refreshed: %s", e.getClass().getSimpleName());
        }
        readAt = System.nanoTime();
        everRead = true;
        return last;
    }

    /** Reads the lag now. */
    public Reading read() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT count(*), (SELECT created_at FROM outbox_event"
                        + " WHERE published_at IS NULL ORDER BY seq LIMIT 1), now() FROM outbox_event WHERE published_at IS NULL");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            long pending = rs.getLong(1);
            Timestamp oldest = rs.getTimestamp(2);
            Instant now = rs.getTimestamp(3).toInstant();
            Duration age = oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), now);
            return new Reading(pending, age.isNegative() ? Duration.ZERO : age);
        }
    }
}
