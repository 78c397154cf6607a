package dev.rightsdesk.ticket.audit;

import dev.rightsdesk.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * Anchors the audit chain outside the database: the head after a sealing round goes to {@code dsr.audit-anchors}
 * (through the outbox, in the sealing transaction), at most once per {@code rightsdesk.audit.anchor-interval}.
 * Someone with write access to the database could rewrite the chain from some entry on, head included, and it would
 * still verify; it can no longer match the anchors Kafka kept. {@link AuditVerifier#checkAnchor} does the comparison.
 */
@ApplicationScoped
public class AuditAnchors {

    /** The anchor history: delete policy, unlimited retention (as long as the audit log itself). */
    public static final String TOPIC = "dsr.audit-anchors";
    /** One key, so that all anchors share a partition and stay in order. */
    public static final String KEY = "audit-chain";
    /** CloudEvent type of an anchor. */
    public static final String TYPE = "dev.rightsdesk.audit.anchor.v1";

    /** The event data: the entry with number {@code seq} has hash {@code entryHash}. No personal data. */
    public record Anchor(long seq, String entryHash, Instant sealedAt) {
    }

    private static final Logger LOG = Logger.getLogger(AuditAnchors.class);

    private final Outbox outbox;
    private final AuditConfig config;

    public AuditAnchors(Outbox outbox, AuditConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    /**
     * Called by the sealer, holding the chain head's lock, after a round that sealed entries up to {@code seq}:
     * publishes the head when the last anchor (of any replica: it is kept on the head row) is old enough.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void afterSealing(Connection c, long seq, String entryHash, Instant lastAnchoredAt, Instant now) throws SQLException {
        if (lastAnchoredAt != null && lastAnchoredAt.plus(config.anchorInterval()).isAfter(now)) {
            return;
        }
        outbox.append(TOPIC, KEY, TYPE, KEY, new Anchor(seq, entryHash, now));
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE audit_chain_head SET anchored_seq = ?, anchored_at = ? WHERE id = 1")) {
            s.setLong(1, seq);
            s.setObject(2, now.atOffset(ZoneOffset.UTC));
            s.executeUpdate();
        }
        LOG.debugf("Audit chain anchored at entry %d", seq);
    }
}
