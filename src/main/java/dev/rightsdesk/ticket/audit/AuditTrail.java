package dev.rightsdesk.ticket.audit;

import dev.rightsdesk.platform.crypto.FieldCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
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

    private final EntityManager em;
    private final FieldCipher cipher;
    private final Event<Appended> appended;

    public AuditTrail(EntityManager em, FieldCipher cipher, Event<Appended> appended) {
        this.em = em;
        this.cipher = cipher;
        this.appended = appended;
    }

    /**
     * @param content ids, statuses, dates and codes only; never personal data
     * @param reason  free text (a reason, note or evidence); stored encrypted, may be null
     * @return the entry's pending id, a receipt: {@link AuditSealer#seqOf(long)} names its sequence number
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long append(UUID ticketId, String kind, String name, String actor, Map<String, ?> content, String reason) {
        // The action's time; entries of concurrent transactions may be sealed a few ms out of this order.
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String json = AuditHash.canonicalJson(content);
        String reasonEnc = reason == null || reason.isBlank() ? null : cipher.encrypt(reason);
        // Typed binding: a null ticket id or reason must still reach PostgreSQL as uuid and text.
        Number id = (Number) em.createNativeQuery("INSERT INTO audit_pending (at, ticket_id, kind, name, actor, content,"
                        + " reason_enc) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id")
                .unwrap(NativeQuery.class)
                // It touches audit_pending only: without this Hibernate flushes the whole session before every
                // entry (a native query could touch anything), which a fan-out of many tasks pays many times.
                .addSynchronizedQuerySpace("audit_pending")
                .setParameter(1, at, Instant.class).setParameter(2, ticketId, UUID.class).setParameter(3, kind)
                .setParameter(4, name).setParameter(5, actor).setParameter(6, json)
                .setParameter(7, reasonEnc, String.class)
                .getSingleResult();
        appended.fire(new Appended(id.longValue()));
        return id.longValue();
    }

    /** The plaintext of an entry's reason, for staff views and exports. */
    public String reasonOf(AuditEntry entry) {
        return entry.reasonEnc == null ? null : cipher.decrypt(entry.reasonEnc);
    }
}
