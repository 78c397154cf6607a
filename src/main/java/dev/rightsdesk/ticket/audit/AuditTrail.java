package dev.rightsdesk.ticket.audit;

import dev.rightsdesk.platform.crypto.FieldCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

/**
 * Appends entries to the hash-chained audit log in the caller's transaction. Appends are serialised by a row
 * lock on the chain head, held until the caller commits: two transactions can never link to the same
 * predecessor, and a rolled-back action leaves no entry behind.
 */
@ApplicationScoped
public class AuditTrail {

    private final EntityManager em;
    private final FieldCipher cipher;

    public AuditTrail(EntityManager em, FieldCipher cipher) {
        this.em = em;
        this.cipher = cipher;
    }

    /**
     * @param content ids, statuses, dates and codes only; never personal data
     * @param reason  free text (a reason, note or evidence); stored encrypted, may be null
     * @return the entry's sequence number
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long append(UUID ticketId, String kind, String name, String actor, Map<String, ?> content, String reason) {
        Object[] head = (Object[]) em.createNativeQuery(
                "SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE").getSingleResult();
        long seq = ((Number) head[0]).longValue() + 1;
        String previous = ((String) head[1]).trim();
        // Taken under the lock, so times never go backwards along the chain.
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String json = AuditHash.canonicalJson(content);
        String reasonEnc = reason == null || reason.isBlank() ? null : cipher.encrypt(reason);
        String hash = AuditHash.entryHash(previous, seq, at, ticketId, kind, name, actor, json, reasonEnc);
        // Typed binding: a null ticket id or reason must still reach PostgreSQL as uuid and text.
        em.createNativeQuery("INSERT INTO audit_log (seq, at, ticket_id, kind, name, actor, content, reason_enc,"
                        + " prev_hash, entry_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
                .unwrap(NativeQuery.class)
                .setParameter(1, seq).setParameter(2, at, Instant.class).setParameter(3, ticketId, UUID.class)
                .setParameter(4, kind).setParameter(5, name).setParameter(6, actor).setParameter(7, json)
                .setParameter(8, reasonEnc, String.class).setParameter(9, previous).setParameter(10, hash)
                .executeUpdate();
        em.createNativeQuery("UPDATE audit_chain_head SET last_seq = ?1, last_hash = ?2 WHERE id = 1")
                .setParameter(1, seq).setParameter(2, hash).executeUpdate();
        return seq;
    }

    /** The plaintext of an entry's reason, for staff views and exports. */
    public String reasonOf(AuditEntry entry) {
        return entry.reasonEnc == null ? null : cipher.decrypt(entry.reasonEnc);
    }
}
