package dev.rightsdesk.intake.expiry;

import dev.rightsdesk.intake.UnverifiedExpiryConfig;
import dev.rightsdesk.intake.status.StatusLinks;
import dev.rightsdesk.intake.verification.VerificationService;
import dev.rightsdesk.platform.cluster.ClusterLock;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketService;
import dev.rightsdesk.ticket.TicketStatus;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Closes requests nobody confirmed within {@code rightsdesk.intake.unverified-expiry} (default 14 days): status
 * EXPIRED through {@link TicketService#move}, and the personal data purged (e-mail, name, identifiers and details
 * overwritten or emptied, the codes and the status link deleted). What stays is what the statistics and the audit
 * need: id, type, dates and history. One replica at a time (advisory lock).
 */
@ApplicationScoped
public class UnverifiedExpiry {

    /** What an expired ticket's e-mail columns hold instead (they are NOT NULL). */
    static final String PURGED = "";
    static final String PURGED_HASH = "purged";
    private static final Logger LOG = Logger.getLogger(UnverifiedExpiry.class);
    private static final int BATCH = 200;

    private final UnverifiedExpiryConfig config;
    private final TicketService tickets;
    private final VerificationService codes;
    private final StatusLinks links;
    private final ClusterLock cluster;

    public UnverifiedExpiry(UnverifiedExpiryConfig config, TicketService tickets, VerificationService codes,
            StatusLinks links, ClusterLock cluster) {
        this.config = config;
        this.tickets = tickets;
        this.codes = codes;
        this.links = links;
        this.cluster = cluster;
    }

    @Scheduled(every = "${rightsdesk.subject.expiry-interval:15m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "unverified-expiry")
    void scan() {
        try {
            expireOnce();
        } catch (RuntimeException e) {
            LOG.warnf("Expiry round failed, will retry: %s", e.getClass().getSimpleName());
        }
    }

    /** Expires and purges every unverified request received before the cut-off; returns how many. */
    public int expireOnce() {
        Instant cutoff = Instant.now().minus(config.unverifiedExpiry());
        int[] count = {0};
        boolean more = true;
        while (more) {
            more = false;
            int[] batch = {0};
            cluster.runExclusively("unverified-expiry", () -> {
                List<Ticket> stale = Ticket.<Ticket>find("status = ?1 and verifiedAt is null and receivedAt < ?2 order by receivedAt",
                        TicketStatus.IDENTITY_UNVERIFIED, cutoff).withLock(LockModeType.PESSIMISTIC_WRITE).page(0, BATCH).list();
                stale.forEach(this::expire);
                batch[0] = stale.size();
            });
            count[0] += batch[0];
            more = batch[0] == BATCH;
        }
        if (count[0] > 0) {
            LOG.infof("%d unverified request(s) expired and purged", count[0]);
        }
        return count[0];
    }

    private void expire(Ticket t) {
        tickets.expire(t, "not confirmed within " + config.unverifiedExpiry().toDays() + " days; personal data purged",
                Map.of("purged", true));
        t.subjectEmail = PURGED;
        t.subjectEmailHash = PURGED_HASH;
        t.subjectName = null;
        t.subjectIdentifiersJson = null;
        t.detailsJson = null;
        // the fingerprint is a hash over the request, e-mail included: it goes too
        t.requestFingerprint = null;
        codes.forget(t.id);
        links.forget(t);
        LOG.debugf("Ticket %s expired and purged", t.id);
    }
}
