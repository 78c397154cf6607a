package dev.rightsdesk.platform.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * A queue kept in a table (the outbox's unpublished events, the audit's unsealed entries): how many rows wait and
 * how old the oldest is, read by one query and exposed as two gauges. The gauges are cached for
 * {@code rightsdesk.observability.gauge-cache-ttl}, so scrapes never load the database; {@link #read()} is fresh.
 */
public abstract class Backlog {

    private static final Logger LOG = Logger.getLogger(Backlog.class);

    /** One reading: waiting rows and the age of the oldest (zero when none waits). */
    public record Reading(long pending, Duration oldestAge) {
    }

    private final DataSource dataSource;
    private final ObservabilityConfig config;
    private final String query;
    private volatile Reading last = new Reading(0, Duration.ZERO);
    private volatile long readAt;
    private volatile boolean everRead;

    /**
     * @param query returns one row: the number of waiting rows, the timestamp of the oldest (null when none), and
     *              {@code now()}; it should run on an index, as it is read on every scrape past the cache
     */
    protected Backlog(DataSource dataSource, ObservabilityConfig config, String query) {
        this.dataSource = dataSource;
        this.config = config;
        this.query = query;
    }

    /** Registers {@code <prefix>.pending} and {@code <prefix>.oldest.pending.age} (seconds). */
    protected void register(MeterRegistry registry, String prefix, String pendingDescription, String ageDescription) {
        Gauge.builder(prefix + ".pending", this, b -> b.cached().pending()).description(pendingDescription)
                .register(registry);
        Gauge.builder(prefix + ".oldest.pending.age", this, b -> b.cached().oldestAge().toMillis() / 1000.0)
                .description(ageDescription).baseUnit("seconds").register(registry);
    }

    synchronized Reading cached() {
        if (everRead && System.nanoTime() - readAt < config.gaugeCacheTtl().toNanos()) {
            return last;
        }
        try {
            last = read();
        } catch (SQLException e) {
            LOG.debugf("%s gauges not refreshed: %s", getClass().getSimpleName(), e.getClass().getSimpleName());
        }
        readAt = System.nanoTime();
        everRead = true;
        return last;
    }

    /** Reads the backlog now. */
    public Reading read() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(query);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            Timestamp oldest = rs.getTimestamp(2);
            Duration age = oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), rs.getTimestamp(3).toInstant());
            return new Reading(rs.getLong(1), age.isNegative() ? Duration.ZERO : age);
        }
    }
}
