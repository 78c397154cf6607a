package dev.rightsdesk.ticket;

import dev.rightsdesk.platform.observability.ObservabilityConfig;
import dev.rightsdesk.ticket.RequestType;
import dev.rightsdesk.ticket.TicketStatus;
import dev.rightsdesk.ticket.deadline.DeadlineConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Gauges of the ticket population: {@code rightsdesk_tickets{status,type}}, {@code rightsdesk_tickets_overdue} and
 * {@code rightsdesk_tickets_at_risk}. Read with two cheap queries (a grouped count, and a range over the partial
 * index of open tickets by due date), cached for {@code rightsdesk.observability.gauge-cache-ttl} so that scrapes
 * never load the database. When the database is unreachable the last reading stays (the database health check
 * reports the outage).
 */
@ApplicationScoped
public class TicketGauges {

    private static final Logger LOG = Logger.getLogger(TicketGauges.class);
    /** Must match the predicate of the partial index ticket_open_due_ix, or PostgreSQL will not use it. */
    static final String OPEN = "status NOT IN ('COMPLETED', 'REFUSED', 'EXPIRED')";

    /** One reading of the counts. */
    record Reading(Map<String, Long> byStatusAndType, long overdue, long atRisk) {
        long count(TicketStatus status, RequestType type) {
            return byStatusAndType.getOrDefault(status.name() + "/" + type.name(), 0L);
        }
    }

    private final DataSource dataSource;
    private final ObservabilityConfig config;
    private final DeadlineConfig deadline;
    private volatile Reading last = new Reading(Map.of(), 0, 0);
    private volatile long readAt;
    private volatile boolean everRead;

    public TicketGauges(DataSource dataSource, ObservabilityConfig config, DeadlineConfig deadline) {
        this.dataSource = dataSource;
        this.config = config;
        this.deadline = deadline;
    }

    void register(@Observes StartupEvent started, MeterRegistry registry) {
        for (TicketStatus status : TicketStatus.values()) {
            for (RequestType type : RequestType.values()) {
                Gauge.builder("rightsdesk.tickets", this, g -> g.reading().count(status, type))
                        .description("Tickets by status and request type").tag("status", status.name())
                        .tag("type", type.name()).register(registry);
            }
        }
        Gauge.builder("rightsdesk.tickets.overdue", this, g -> g.reading().overdue())
                .description("Open tickets whose effective due date has passed").register(registry);
        Gauge.builder("rightsdesk.tickets.at.risk", this, g -> g.reading().atRisk())
                .description("Open tickets due within rightsdesk.observability.at-risk-days (not yet overdue)")
                .register(registry);
    }

    /** The cached reading, refreshed when older than the TTL. */
    synchronized Reading reading() {
        if (everRead && System.nanoTime() - readAt < config.gaugeCacheTtl().toNanos()) {
            return last;
        }
        try {
            last = read(LocalDate.now(deadline.zone()));
        } catch (SQLException e) {
            LOG.debugf("Ticket gauges not refreshed: %s", e.getClass().getSimpleName());
        }
        readAt = System.nanoTime();
        everRead = true;
        return last;
    }

    Reading read(LocalDate today) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        long overdue;
        long atRisk;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT status, type, count(*) FROM ticket GROUP BY status, type");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3));
                }
            }
            try (PreparedStatement s = c.prepareStatement(OVERDUE_QUERY)) {
                s.setDate(1, Date.valueOf(today));
                s.setDate(2, Date.valueOf(today));
                s.setDate(3, Date.valueOf(today.plusDays(config.atRiskDays())));
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    overdue = rs.getLong(1);
                    atRisk = rs.getLong(2);
                }
            }
        }
        return new Reading(counts, overdue, atRisk);
    }

    /** The overdue scan: open tickets due on or before the at-risk horizon, by the partial index (parameters: today, today, horizon). */
    public static final String OVERDUE_QUERY = "SELECT count(*) FILTER (WHERE effective_due < ?), count(*) FILTER (WHERE effective_due >= ?)"
            + " FROM ticket WHERE " + OPEN + " AND effective_due <= ?";
}
