package dev.rightsdesk.ticket.audit;

import dev.rightsdesk.platform.observability.ObservabilityConfig;
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
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * How far the audit sealer is behind: {@code rightsdesk_audit_pending} (entries committed but not yet in the hash
 * chain) and {@code rightsdesk_audit_oldest_pending_age_seconds}. Under load the count is rarely zero; an age that
 * keeps growing means the sealer is stuck. Cached for {@code rightsdesk.observability.gauge-cache-ttl} like the
 * other gauges, so scrapes never load the database.
 */
@ApplicationScoped
public class AuditSealingLag {

    private static final Logger LOG = Logger.getLogger(AuditSealingLag.class);

    /** One reading: pending entries and the age of the oldest (zero when none is pending). */
    public record Reading(long pending, Duration oldestAge) {
    }

    private final DataSource dataSource;
    private final ObservabilityConfig config;
    private volatile Reading last = new Reading(0, Duration.ZERO);
    private volatile long readAt;
    private volatile boolean everRead;

    public AuditSealingLag(DataSource dataSource, ObservabilityConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    void register(@Observes StartupEvent started, MeterRegistry registry) {
        Gauge.builder("rightsdesk.audit.pending", this, g -> g.cached().pending())
                .description("Audit entries committed but not yet sealed into the hash chain").register(registry);
        Gauge.builder("rightsdesk.audit.oldest.pending.age", this, g -> g.cached().oldestAge().toMillis() / 1000.0)
                .description("Age of the oldest audit entry not yet sealed into the hash chain").baseUnit("seconds")
                .register(registry);
    }

    synchronized Reading cached() {
        if (everRead && System.nanoTime() - readAt < config.gaugeCacheTtl().toNanos()) {
            return last;
        }
        try {
            last = read();
        } catch (SQLException e) {
            LOG.debugf("Audit sealing gauges not refreshed: %s", e.getClass().getSimpleName());
        }
        readAt = System.nanoTime();
        everRead = true;
        return last;
    }

    /** Reads the lag now (the oldest by id: the primary key, so both are cheap while the table stays small). */
    public Reading read() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT count(*), (SELECT at FROM audit_pending ORDER BY id"
                        + " LIMIT 1), now() FROM audit_pending");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            Timestamp oldest = rs.getTimestamp(2);
            Duration age = oldest == null ? Duration.ZERO
                    : Duration.between(oldest.toInstant(), rs.getTimestamp(3).toInstant());
            return new Reading(rs.getLong(1), age.isNegative() ? Duration.ZERO : age);
        }
    }
}
