package dev.rightsdesk.shredding;

import dev.rightsdesk.platform.crypto.DataKey;
import dev.rightsdesk.platform.crypto.SealedField;
import dev.rightsdesk.platform.crypto.TicketKeys;
import dev.rightsdesk.platform.error.ProblemException;
import dev.rightsdesk.platform.security.CurrentActor;
import dev.rightsdesk.ticket.audit.AuditEntry;
import dev.rightsdesk.ticket.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Hands a ticket's data key to a connector and audits it: who asked, for which ticket and key id. */
@ApplicationScoped
@Transactional
public class ConnectorKeyService {

    /** The audit entry of a key handed to a connector. */
    public static final String KEY_ISSUED = "key-issued";

    /** What a connector gets; {@code format} and {@code algorithm} say how to use {@code key} (docs/events.md). */
    public record ConnectorKey(UUID ticketId, String keyId, String format, String algorithm, String key) {
    }

    private final TicketKeys keys;
    private final AuditTrail audit;
    private final CurrentActor actor;

    public ConnectorKeyService(TicketKeys keys, AuditTrail audit, CurrentActor actor) {
        this.keys = keys;
        this.audit = audit;
        this.actor = actor;
    }

    public ConnectorKey issue(UUID ticketId) {
        TicketKeys.Lookup lookup = keys.find(ticketId);
        if (lookup.destroyed()) {
            throw new ProblemException(410, "key-destroyed", "The data key was destroyed",
                    "The ticket is closed and its data key was destroyed (crypto-shredding): its personal fields can"
                            + " no longer be read", List.of());
        }
        DataKey key = lookup.key().orElseThrow(() -> ProblemException.notFound("Data key"));
        audit.appendAtCommit(ticketId, AuditEntry.ACTION, KEY_ISSUED, actor.name(),
                Map.of("ticketId", ticketId, "keyId", key.keyId()), null);
        return new ConnectorKey(ticketId, key.keyId(), SealedField.VERSION, "AES-256-GCM",
                Base64.getEncoder().encodeToString(key.key()));
    }
}
