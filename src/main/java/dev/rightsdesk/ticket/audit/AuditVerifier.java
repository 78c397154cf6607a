package dev.rightsdesk.ticket.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Walks the whole audit log in sequence order and recomputes every hash. An entry is broken when its number is
 * not the next one (an entry was removed or moved), when it does not link to its predecessor's hash (reordered
 * or inserted), or when its own hash no longer matches its content (edited). The chain head must match the last
 * entry (a removed tail).
 */
@ApplicationScoped
public class AuditVerifier {

    private static final int BATCH = 500;

    private final EntityManager em;

    public AuditVerifier(EntityManager em) {
        this.em = em;
    }

    /** The outcome: whether the chain is intact, how many entries were checked, and the first broken one. */
    public record Report(boolean intact, long entriesChecked, long lastSeq, BrokenEntry firstBroken) {
    }

    /** The first entry that does not verify, by sequence number, and what is wrong with it. */
    public record BrokenEntry(long seq, String problem) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Report verify() {
        String previous = AuditHash.GENESIS;
        long expected = 1;
        long checked = 0;
        while (true) {
            List<AuditEntry> batch = em.createQuery("from AuditEntry where seq >= ?1 order by seq", AuditEntry.class)
                    .setParameter(1, expected).setMaxResults(BATCH).getResultList();
            for (AuditEntry e : batch) {
                String problem = check(e, expected, previous);
                if (problem != null) {
                    return new Report(false, checked, expected - 1, new BrokenEntry(expected, problem));
                }
                previous = e.entryHash.trim();
                expected++;
                checked++;
            }
            em.clear();
            if (batch.size() < BATCH) {
                break;
            }
        }
        Object[] head = (Object[]) em.createNativeQuery("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1")
                .getSingleResult();
        long headSeq = ((Number) head[0]).longValue();
        if (headSeq != expected - 1 || !((String) head[1]).trim().equals(previous)) {
            return new Report(false, checked, expected - 1, new BrokenEntry(expected,
                    "missing: the chain head records " + headSeq + " entries, the log ends at " + (expected - 1)));
        }
        return new Report(true, checked, expected - 1, null);
    }

    private static String check(AuditEntry e, long expected, String previous) {
        if (e.seq != expected) {
            return "missing: the log jumps from entry " + (expected - 1) + " to entry " + e.seq;
        }
        if (!previous.equals(e.prevHash.trim())) {
            return "unlinked: its previous hash does not match the entry before it (reordered or inserted)";
        }
        String recomputed = AuditHash.entryHash(e.prevHash.trim(), e.seq, e.at, e.ticketId, e.kind, e.name, e.actor,
                e.content, e.reasonEnc);
        if (!recomputed.equals(e.entryHash.trim())) {
            return "altered: its content no longer matches its hash";
        }
        return null;
    }
}
