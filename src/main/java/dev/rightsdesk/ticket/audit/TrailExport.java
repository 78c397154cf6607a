package dev.rightsdesk.ticket.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A ticket's audit trail as an auditor takes it away: every entry with its hashes, each entry's own hash
 * recomputed, and the reasons decrypted. The links between entries of other tickets are checked by
 * {@link AuditVerifier} over the whole log.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TrailExport {

    private final AuditTrail trail;
    private final AuditSealer sealer;
    private final ObjectMapper mapper;

    public TrailExport(AuditTrail trail, AuditSealer sealer, ObjectMapper mapper) {
        this.trail = trail;
        this.sealer = sealer;
        this.mapper = mapper;
    }

    /** The export: who took it and when, whether every entry's hash still matches its content, the entries. */
    public record Trail(UUID ticketId, Instant exportedAt, String exportedBy, boolean entriesIntact,
            List<Entry> entries) {
    }

    /** One exported entry; {@code content} is the stored canonical JSON, parsed. */
    public record Entry(long seq, Instant at, String kind, String name, String actor, JsonNode content, String reason,
            String prevHash, String entryHash, boolean hashMatches) {
    }

    /** The ticket's trail, after sealing what is pending (so that every committed entry is in it). */
    public Trail of(UUID ticketId, String exportedBy) {
        sealer.sealNow();
        List<Entry> entries = AuditEntry.ofTicket(ticketId).stream().map(this::entry).toList();
        return new Trail(ticketId, Instant.now(), exportedBy, entries.stream().allMatch(Entry::hashMatches), entries);
    }

    private Entry entry(AuditEntry e) {
        String recomputed = AuditHash.entryHash(e.prevHash.trim(), e.seq, e.at, e.ticketId, e.kind, e.name, e.actor,
                e.content, e.reasonEnc);
        JsonNode content;
        try {
            content = mapper.readTree(e.content);
        } catch (IOException ex) {
            content = mapper.getNodeFactory().textNode(e.content);
        }
        return new Entry(e.seq, e.at, e.kind, e.name, e.actor, content, trail.reasonOf(e), e.prevHash.trim(),
                e.entryHash.trim(), recomputed.equals(e.entryHash.trim()));
    }
}
