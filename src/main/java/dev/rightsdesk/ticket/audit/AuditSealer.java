package dev.rightsdesk.ticket.audit;

import dev.rightsdesk.platform.cluster.WakeableWorker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Links pending audit entries into the hash chain of {@code audit_log}, in pending-id order, each round in its own
 * short transaction: lock the chain head, chain up to {@code rightsdesk.audit.seal-batch-size} entries, delete them
 * from {@code audit_pending}, move the head, and (at most once per anchor interval) anchor the new head on Kafka
 * through the outbox. A dedicated thread seals right after every commit that appended, and polls every
 * {@code rightsdesk.audit.seal-interval} for entries of other replicas. Reads call {@link #sealNow()} first, so they
 * see every entry committed before them.
 */
@ApplicationScoped
public class AuditSealer {

    /** Arbitrary constant naming the sealer's advisory lock (the relay's is ...0001). */
    private static final long SEAL_LOCK = 0x5249_4748_5453_0002L;

    private final EntityManager em;
    private final AuditConfig config;
    private final AuditAnchors anchors;
    private final WakeableWorker worker;

    public AuditSealer(EntityManager em, AuditConfig config, AuditAnchors anchors) {
        this.em = em;
        this.config = config;
        this.anchors = anchors;
        this.worker = new WakeableWorker("audit-sealer", config.sealInterval(), config.sealBatchSize(), () -> round(false));
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 500) StartupEvent event) {
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.stop(Duration.ofSeconds(10));
    }

    /** Called after a transaction that appended entries committed: seal now rather than at the next poll. */
    void onAppended(@Observes(during = TransactionPhase.AFTER_SUCCESS) AuditTrail.Appended event) {
        wake();
    }

    void wake() {
        worker.wake();
    }

    /**
     * Seals every entry committed before this call, waiting for a round of another thread or replica if one is
     * running. Reads of the audit trail call it first, so they see everything committed.
     */
    public void sealNow() {
        int sealed;
        do {
            sealed = round(true);
        } while (sealed >= config.sealBatchSize());
    }

    /** The sequence number of the entry whose receipt {@link AuditTrail#append} returned, sealing it first. */
    public long seqOf(long pendingId) {
        sealNow();
        return QuarkusTransaction.requiringNew().call(() -> session().doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT seq FROM audit_log WHERE pending_id = ?")) {
                s.setLong(1, pendingId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("Audit entry " + pendingId + " is not in the chain");
                    }
                    return rs.getLong(1);
                }
            }
        }));
    }

    /** One round in its own transaction; returns how many entries it sealed. */
    int round(boolean wait) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Integer sealed = session().doReturningWork(c -> seal(c, wait));
            return sealed;
        });
    }

    /** A pending entry as read from audit_pending. */
    private record Pending(long id, Instant at, UUID ticketId, String kind, String name, String actor, String content,
            String reasonEnc) {
    }

    private int seal(Connection c, boolean wait) throws SQLException {
        // Cheap checks first: reads call this on every view, mostly with nothing pending. The background round also
        // comes when only an anchor is due, so that the last entries before a quiet spell get anchored too.
        if (!anyPending(c) && (wait || !anchorDue(c))) {
            return 0;
        }
        // The background round skips while another holds the lock; a read waits, as it must see everything.
        try (PreparedStatement s = c.prepareStatement(wait ? "SELECT 1 FROM (SELECT pg_advisory_xact_lock(?)) l"
                : "SELECT pg_try_advisory_xact_lock(?)")) {
            s.setLong(1, SEAL_LOCK);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (!wait && !rs.getBoolean(1)) {
                    return 0;
                }
            }
        }
        long seq;
        String previous;
        long anchoredSeq;
        Instant anchoredAt;
        // The head lock is what really keeps the chain linear; the advisory lock only spares waiting on it.
        try (PreparedStatement s = c.prepareStatement("SELECT last_seq, last_hash, anchored_seq, anchored_at"
                + " FROM audit_chain_head WHERE id = 1 FOR UPDATE");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            seq = rs.getLong(1);
            previous = rs.getString(2).trim();
            anchoredSeq = rs.getLong(3);
            OffsetDateTime anchored = rs.getObject(4, OffsetDateTime.class);
            anchoredAt = anchored == null ? null : anchored.toInstant();
        }
        List<Pending> batch = pending(c);
        if (!batch.isEmpty()) {
            Head head = chain(c, batch, new Head(seq, previous));
            seq = head.seq();
            previous = head.hash();
        }
        if (seq > anchoredSeq) {
            anchors.afterSealing(c, seq, previous, anchoredAt, Instant.now().truncatedTo(ChronoUnit.MICROS));
        }
        return batch.size();
    }

    /** The chain's last entry. */
    private record Head(long seq, String hash) {
    }

    /** Links {@code batch} after {@code head}, removes it from the pending entries, moves the head. */
    private Head chain(Connection c, List<Pending> batch, Head head) throws SQLException {
        long seq = head.seq();
        String previous = head.hash();
        Long[] ids = new Long[batch.size()];
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_log (seq, at, ticket_id, kind, name, actor,"
                + " content, reason_enc, prev_hash, entry_hash, pending_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < batch.size(); i++) {
                Pending p = batch.get(i);
                seq++;
                String hash = AuditHash.entryHash(previous, seq, p.at(), p.ticketId(), p.kind(), p.name(), p.actor(),
                        p.content(), p.reasonEnc());
                insert.setLong(1, seq);
                insert.setObject(2, p.at().atOffset(ZoneOffset.UTC));
                insert.setObject(3, p.ticketId());
                insert.setString(4, p.kind());
                insert.setString(5, p.name());
                insert.setString(6, p.actor());
                insert.setString(7, p.content());
                insert.setString(8, p.reasonEnc());
                insert.setString(9, previous);
                insert.setString(10, hash);
                insert.setLong(11, p.id());
                insert.addBatch();
                previous = hash;
                ids[i] = p.id();
            }
            insert.executeBatch();
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM audit_pending WHERE id = ANY (?)")) {
            delete.setArray(1, c.createArrayOf("bigint", ids));
            delete.executeUpdate();
        }
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
            update.setLong(1, seq);
            update.setString(2, previous);
            update.executeUpdate();
        }
        return new Head(seq, previous);
    }

    private static boolean anyPending(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM audit_pending)");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** Whether the head has entries no anchor covers yet and the anchor interval has passed (read without lock). */
    private boolean anchorDue(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT last_seq > anchored_seq, anchored_at FROM audit_chain_head WHERE id = 1");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            OffsetDateTime at = rs.getObject(2, OffsetDateTime.class);
            return rs.getBoolean(1) && (at == null || !at.toInstant().plus(config.anchorInterval()).isAfter(Instant.now()));
        }
    }

    /** The oldest committed pending entries, in id order: the order they enter the chain. */
    private List<Pending> pending(Connection c) throws SQLException {
        List<Pending> batch = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, at, ticket_id, kind, name, actor, content, reason_enc"
                + " FROM audit_pending ORDER BY id LIMIT ?")) {
            s.setInt(1, config.sealBatchSize());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    batch.add(new Pending(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getString(8)));
                }
            }
        }
        return batch;
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
