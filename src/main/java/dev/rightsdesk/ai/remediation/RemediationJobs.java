package dev.rightsdesk.ai.remediation;

import dev.rightsdesk.platform.cluster.ClusterLock;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import dev.rightsdesk.ai.AiConfig;
import org.jboss.logging.Logger;

/**
 * Two scheduled jobs, each run by one replica at a time (a PostgreSQL advisory lock per round): the sync
 * opens a remediation for every reported model version that has none yet (a safety net behind the
 * results hook), and the watch warns, once per threshold, about remediations that cannot finish in time.
 */
@ApplicationScoped
public class RemediationJobs {

    /** Ticket event of a remediation at risk; the ticket is flagged. */
    public static final String WARNING = "model-remediation-deadline-warning";

    private static final Logger LOG = Logger.getLogger(RemediationJobs.class);
    private static final String SYNC_LOCK = "model-remediation-sync";
    private static final String WATCH_LOCK = "model-remediation-watch";

    private final RemediationService remediations;
    private final TicketEvents events;
    private final EntityManager em;
    private final ClusterLock cluster;
    private final AiConfig.Remediation config;
    private final Clock clock;

    public RemediationJobs(RemediationService remediations, TicketEvents events, EntityManager em, AiConfig config,
            Clock clock, ClusterLock cluster) {
        this.cluster = cluster;
        this.remediations = remediations;
        this.events = events;
        this.em = em;
        this.config = config.remediation();
        this.clock = clock;
    }

    @Scheduled(every = "${rightsdesk.ai.remediation.sync-every:10s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "model-remediation-sync")
    void scheduledSync() {
        try {
            sync();
        } catch (RuntimeException e) {
            LOG.warnf("Remediation sync failed, will retry: %s", e.getMessage());
        }
    }

    @Scheduled(every = "${rightsdesk.ai.remediation.watch-every:15m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "model-remediation-watch")
    void scheduledWatch() {
        try {
            watch(clock.instant());
        } catch (RuntimeException e) {
            LOG.warnf("Remediation watch failed, will retry: %s", e.getMessage());
        }
    }

    /** Opens the missing remediations of every open erasure or objection ticket; returns how many tickets. */
    public int sync() {
        List<UUID> tickets = QuarkusTransaction.requiringNew().call(() -> {
            if (!lock(SYNC_LOCK)) {
                return List.<UUID>of();
            }
            @SuppressWarnings("unchecked")
            List<UUID> ids = em.createNativeQuery("""
                    SELECT DISTINCT m.ticket_id FROM task_model_version m
                    JOIN ticket t ON t.id = m.ticket_id
                    LEFT JOIN model_remediation r ON r.task_model_version_id = m.id
                    WHERE r.id IS NULL AND t.type IN ('ERASURE', 'OBJECTION')
                      AND t.status NOT IN ('COMPLETED', 'REFUSED', 'EXPIRED')
                    LIMIT 200""", UUID.class).getResultList();
            return ids;
        });
        for (UUID ticketId : tickets) {
            QuarkusTransaction.requiringNew().run(() -> remediations.openFor(ticketId));
        }
        return tickets.size();
    }

    /**
     * Warns about each unresolved remediation whose due date is within a configured number of days of
     * {@code now}, or whose scheduled retraining is expected after its due date. Returns the warnings given.
     */
    public int watch(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!lock(WATCH_LOCK)) {
                return 0;
            }
            int given = 0;
            List<ModelRemediation> open = ModelRemediation.list("state <> ?1", RemediationState.RESOLVED);
            for (ModelRemediation r : open) {
                Ticket ticket = Ticket.findById(r.ticketId);
                if (ticket.status.isClosed()) {
                    continue;
                }
                LocalDate today = LocalDate.ofInstant(now, ZoneId.of(ticket.zone));
                long daysLeft = ChronoUnit.DAYS.between(today, r.dueDate);
                if (r.state == RemediationState.RETRAIN_SCHEDULED && r.expectedBy != null && r.expectedBy.isAfter(r.dueDate)) {
                    given += warn(r, ticket, "EXPECTED_AFTER_DUE", daysLeft, now);
                }
                for (int threshold : config.warnDays()) {
                    if (daysLeft <= threshold) {
                        given += warn(r, ticket, "DUE_IN_" + threshold + "_DAYS", daysLeft, now);
                    }
                }
            }
            return given;
        });
    }

    private int warn(ModelRemediation r, Ticket ticket, String kind, long daysLeft, Instant now) {
        int inserted = em.createNativeQuery("""
                        INSERT INTO model_remediation_warning (remediation_id, kind, due_date, warned_at)
                        VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING""")
                .setParameter(1, r.id).setParameter(2, kind).setParameter(3, r.dueDate).setParameter(4, now)
                .executeUpdate();
        if (inserted == 0) {
            return 0;
        }
        em.createQuery("update versioned Ticket t set t.flagged = true where t.id = :id").setParameter("id", ticket.id)
                .executeUpdate();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("remediationId", r.id);
        d.put("system", r.systemKey);
        d.put("model", r.modelName);
        d.put("modelVersion", r.modelVersion);
        d.put("state", r.state);
        d.put("dueDate", r.dueDate.toString());
        d.put("daysLeft", daysLeft);
        d.put("warning", kind);
        events.announce(ticket, WARNING, null, d);
        LOG.infof("Ticket %s: remediation %s at risk (%s, %d days left)", ticket.id, r.id, kind, daysLeft);
        return 1;
    }

    /** ClusterLock: one replica at a time, and no round starts once the application stops. */
    private boolean lock(String name) {
        return cluster.tryLock(name);
    }
}
