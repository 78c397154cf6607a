package dev.rightsdesk.ticket.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Walks the whole audit log in sequence order and recomputes every hash. An entry is broken when its number is
 * not the next one (an entry was removed or moved), when it does not link to its predecessor's hash (reordered
 * or inserted), or when its own hash no longer matches its content (edited). The chain head must match the last
 * entry (a removed tail). Times are not checked for order: the chain's order is the sealing order, and entries of
 * concurrent transactions may be sealed a few milliseconds out of the order of their {@code at}; the hashes are
 * what prove integrity. A chain rewritten from some entry on (head included) still verifies by itself; checked
 * against an anchor kept on Kafka ({@link AuditAnchors}) it does not.
 */
@ApplicationScoped
public class AuditVerifier {

    private static final int BATCH = 500;

    private final EntityManager em;
    private final AuditSealer sealer;

    public AuditVerifier(EntityManager em, AuditSealer sealer) {
        this.em = em;
        this.sealer = sealer;
    }

    /**
     * The outcome: whether the chain is intact, how many entries were checked, the first broken one, and (when an
     * anchor was given) how the log compares with it.
     */
    public record Report(boolean intact, long entriesChecked, long lastSeq, BrokenEntry firstBroken,
            @JsonInclude(JsonInclude.Include.NON_NULL) AnchorCheck anchor) {
    }

    /** An anchor (from {@code dsr.audit-anchors}) compared with the log: the entry it names must have its hash. */
    public record AnchorCheck(long seq, String entryHash, boolean matches, String problem) {
    }

    /** The first entry that does not verify, by sequence number, and what is wrong with it. */
    public record BrokenEntry(long seq, String problem) {
    }

    /** Verifies the whole chain, after sealing what is pending. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Report verify() {
        sealer.sealNow();
        String previous = AuditHash.GENESIS;
        long expected = 1;
        long checked = 0;
        while (true) {
            List<AuditEntry> batch = em.createQuery("from AuditEntry where seq >= ?1 order by seq", AuditEntry.class)
                    .setParameter(1, expected).setMaxResults(BATCH).getResultList();
            for (AuditEntry e : batch) {
                String problem = check(e, expected, previous);
                if (problem != null) {
                    return new Report(false, checked, expected - 1, new BrokenEntry(expected, problem), null);
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
                    "missing: the chain head records " + headSeq + " entries, the log ends at " + (expected - 1)), null);
        }
        return new Report(true, checked, expected - 1, null, null);
    }

    /**
     * Verifies the whole chain and compares it with an anchor: intact only if both hold. When only the anchor fails,
     * the chain was rewritten consistently at or before the anchored entry; the first broken entry names the anchor.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Report verify(long anchorSeq, String anchorHash) {
        Report chain = verify();
        AnchorCheck anchor = checkAnchor(anchorSeq, anchorHash);
        BrokenEntry first = chain.firstBroken() != null || anchor.matches() ? chain.firstBroken()
                : new BrokenEntry(anchorSeq, anchor.problem());
        return new Report(chain.intact() && anchor.matches(), chain.entriesChecked(), chain.lastSeq(), first, anchor);
    }

    /** Whether entry {@code seq} of the log has hash {@code entryHash}, as the anchor says. */
    @Transactional(Transactional.TxType.REQUIRED)
    public AnchorCheck checkAnchor(long seq, String entryHash) {
        String expected = entryHash.trim().toLowerCase(java.util.Locale.ROOT);
        List<?> found = em.createNativeQuery("SELECT entry_hash FROM audit_log WHERE seq = ?1").setParameter(1, seq)
                .getResultList();
        if (found.isEmpty()) {
            return new AnchorCheck(seq, expected, false, "missing: the log has no entry " + seq + ", which the anchor names");
        }
        if (!String.valueOf(found.get(0)).trim().equals(expected)) {
            return new AnchorCheck(seq, expected, false,
                    "rewritten: its hash differs from the anchor (the chain was changed at or before this entry)");
        }
        return new AnchorCheck(seq, expected, true, null);
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
