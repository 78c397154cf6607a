package dev.rightsdesk.ticket.audit;

import dev.rightsdesk.platform.observability.Backlog;
import dev.rightsdesk.platform.observability.ObservabilityConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.inject.Singleton;
import jakarta.enterprise.event.Observes;
import javax.sql.DataSource;

/**
 * How far the audit sealer is behind: {@code rightsdesk_audit_pending} (entries committed but not yet in the hash
 * chain) and {@code rightsdesk_audit_oldest_pending_age_seconds}. Under load the count is rarely zero; an age that
 * keeps growing means the sealer is stuck. Cached for {@code rightsdesk.observability.gauge-cache-ttl} like the
 * other gauges, so scrapes never load the database.
 */
@Singleton
public class AuditSealingLag extends Backlog {

    public AuditSealingLag(DataSource dataSource, ObservabilityConfig config) {
        // The oldest by id: the primary key, so both are cheap while the table stays small.
        super(dataSource, config, "SELECT count(*), (SELECT at FROM audit_pending ORDER BY id LIMIT 1), now() FROM audit_pending");
    }

    void register(@Observes StartupEvent started, MeterRegistry registry) {
        register(registry, "rightsdesk.audit", "Audit entries committed but not yet sealed into the hash chain",
                "Age of the oldest audit entry not yet sealed into the hash chain");
    }
}
