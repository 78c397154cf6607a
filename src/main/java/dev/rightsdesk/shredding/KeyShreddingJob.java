package dev.rightsdesk.shredding;

import dev.rightsdesk.platform.cluster.ClusterLock;
import dev.rightsdesk.platform.crypto.CryptoConfig;
import dev.rightsdesk.platform.crypto.TicketDataKey;
import dev.rightsdesk.platform.crypto.TicketKeys;
import dev.rightsdesk.ticket.TicketService;
import dev.rightsdesk.ticket.TicketStatus;
import dev.rightsdesk.ticket.audit.AuditEntry;
import dev.rightsdesk.ticket.audit.AuditTrail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Crypto-shredding (ADR 0006): destroys the data key of every ticket that was closed (COMPLETED, REFUSED, EXPIRED)
 * longer than {@code rightsdesk.crypto.ticket-key-retention} ago. From then on every copy of the ticket's personal
 * fields on Kafka (commands, results, dead letters, broker backups) is unreadable. Each destruction is audited with
 * the ticket id only. One replica at a time ({@link ClusterLock}).
 */
@ApplicationScoped
public class KeyShreddingJob {

    /** The audit entry of a destroyed key. */
    public static final String KEY_DESTROYED = "key-destroyed";
    static final String LOCK = "ticket-key-shredding";
    static final int BATCH = 500;
    private static final Logger LOG = Logger.getLogger(KeyShreddingJob.class);

    private final ClusterLock lock;
    private final TicketKeys keys;
    private final AuditTrail audit;
    private final CryptoConfig config;
    private final Clock clock;

    public KeyShreddingJob(ClusterLock lock, TicketKeys keys, AuditTrail audit, CryptoConfig config, Clock clock) {
        this.lock = lock;
        this.keys = keys;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${rightsdesk.crypto.ticket-key-shred-interval:10m}", delayed = "30s", identity = "ticket-key-shredding",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            runOnce(clock.instant());
        } catch (RuntimeException e) {
            LOG.warnf("Key shredding round failed, will run again: %s", e.getClass().getSimpleName());
        }
    }

    /** Destroys every key due at {@code now}, in batches; returns how many (0 when another replica holds the lock). */
    public int runOnce(Instant now) {
        int destroyed = 0;
        while (true) {
            Integer batch = QuarkusTransaction.requiringNew().call(() -> batch(now));
            destroyed += batch == null ? 0 : batch;
            if (batch == null || batch < BATCH) {
                if (destroyed > 0) {
                    LOG.infof("Destroyed the data keys of %d closed tickets", destroyed);
                }
                return destroyed;
            }
        }
    }

    private Integer batch(Instant now) {
        if (!lock.tryLock(LOCK)) {
            return null;
        }
        Instant closedBefore = now.minus(config.ticketKeyRetention());
        // Closed statuses are final, so any move into one is the closing move.
        List<UUID> due = TicketDataKey.<TicketDataKey>find("from TicketDataKey k where exists (from Ticket t where"
                        + " t.id = k.ticketId and t.status in ?1) and exists (from TicketStatusChange c where"
                        + " c.ticketId = k.ticketId and c.toStatus in ?1 and c.at <= ?2) order by k.createdAt",
                TicketStatus.closedStatuses(), closedBefore).page(0, BATCH).list().stream().map(k -> k.ticketId).toList();
        for (UUID ticketId : due) {
            if (keys.destroy(ticketId)) {
                audit.appendAtCommit(ticketId, AuditEntry.ACTION, KEY_DESTROYED, TicketService.SYSTEM,
                        Map.of("ticketId", ticketId), null);
            }
        }
        return due.size();
    }
}
