package dev.rightsdesk.ticket.audit;

import dev.rightsdesk.platform.crypto.FieldCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import dev.rightsdesk.platform.persistence.BeforeCommitBuffer;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

/**
 * Records audit entries in the caller's transaction: the entry goes to {@code audit_pending}, and
 * {@link AuditSealer} links it into the hash chain of {@code audit_log} shortly after the caller commits. No lock
 * is taken here (the chain head's lock, held until every business commit, used to serialise them all); the entry
 * is durable with the caller's commit, and a rolled-back action leaves nothing behind.
 */
@ApplicationScoped
public class AuditTrail {

    /** Fired for every appended entry; the sealer observes it after commit to seal at once. */
    public record Appended(long pendingId) {
    }

    /** Key of the current transaction's buffered entries in the transaction synchronization registry. */
    private static final Object ROWS = new Object();
    private static final String INSERT = "INSERT INTO audit_pending (at, ticket_id, kind, name, actor, content, reason_enc)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final EntityManager em;
    private final FieldCipher cipher;
    private final Event<Appended> appended;
    private final TransactionSynchronizationRegistry transactions;
    private final DataSource dataSource;

    public AuditTrail(EntityManager em, FieldCipher cipher, Event<Appended> appended,
            TransactionSynchronizationRegistry transactions, DataSource dataSource) {
        this.em = em;
        this.cipher = cipher;
        this.appended = appended;
        this.transactions = transactions;
        this.dataSource = dataSource;
    }

    /** An entry waiting in its transaction for the batch insert at commit. */
    private record Row(Instant at, UUID ticketId, String kind, String name, String actor, String content, String reasonEnc) {
    }

    /**
     * Like {@link #append}, for callers that need no receipt (every ticket event has an entry): the entry is
     * inserted with the transaction's other buffered entries in one JDBC batch just before it commits, in call
     * order, instead of one statement through Hibernate each (most of a ticket event's cost in a fan-out).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAtCommit(UUID ticketId, String kind, String name, String actor, Map<String, ?> content, String reason) {
        buffered().add(row(ticketId, kind, name, actor, content, reason));
        appended.fire(new Appended(0));
    }

    /**
     * @param content ids, statuses, dates and codes only; never personal data
     * @param reason  free text (a reason, note or evidence); stored encrypted, may be null
     * @return the entry's pending id, a receipt: {@link AuditSealer#seqOf(long)} names its sequence number
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long append(UUID ticketId, String kind, String name, String actor, Map<String, ?> content, String reason) {
        Row row = row(ticketId, kind, name, actor, content, reason);
        // Entries buffered earlier in this transaction go first: the chain keeps the order of the calls.
        List<Row> earlier = buffered();
        insert(earlier);
        earlier.clear();
        // Typed binding: a null ticket id or reason must still reach PostgreSQL as uuid and text.
        Number id = (Number) em.createNativeQuery("INSERT INTO audit_pending (at, ticket_id, kind, name, actor, content,"
                        + " reason_enc) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id")
                .unwrap(NativeQuery.class)
                // It touches audit_pending only: without this Hibernate flushes the whole session before every
                // entry (a native query could touch anything).
                .addSynchronizedQuerySpace("audit_pending")
                .setParameter(1, row.at(), Instant.class).setParameter(2, ticketId, UUID.class).setParameter(3, kind)
                .setParameter(4, name).setParameter(5, actor).setParameter(6, row.content())
                .setParameter(7, row.reasonEnc(), String.class)
                .getSingleResult();
        appended.fire(new Appended(id.longValue()));
        return id.longValue();
    }

    private Row row(UUID ticketId, String kind, String name, String actor, Map<String, ?> content, String reason) {
        // The action's time; entries of concurrent transactions may be sealed a few ms out of this order.
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String reasonEnc = reason == null || reason.isBlank() ? null : cipher.encrypt(reason);
        return new Row(at, ticketId, kind, name, actor, AuditHash.canonicalJson(content), reasonEnc);
    }

    private List<Row> buffered() {
        return BeforeCommitBuffer.rows(transactions, ROWS, this::insert);
    }

    private void insert(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Row row : rows) {
                insert.setObject(1, OffsetDateTime.ofInstant(row.at(), ZoneOffset.UTC));
                insert.setObject(2, row.ticketId());
                insert.setString(3, row.kind());
                insert.setString(4, row.name());
                insert.setString(5, row.actor());
                insert.setString(6, row.content());
                insert.setString(7, row.reasonEnc());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Audit entries could not be written (" + e.getSQLState() + ")", e);
        }
    }

    /** The plaintext of an entry's reason, for staff views and exports. */
    public String reasonOf(AuditEntry entry) {
        return entry.reasonEnc == null ? null : cipher.decrypt(entry.reasonEnc);
    }
}
