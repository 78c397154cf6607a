package dev.rightsdesk.ticket.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One entry of the hash-chained audit log. Written only by {@link AuditTrail} (with SQL, so that the hashed
 * ciphertext is exactly the stored one); the database refuses updates and deletes.
 */
@Entity
@Table(name = "audit_log")
public class AuditEntry extends PanacheEntityBase {

    /** An ticket event as announced on {@code dsr.ticket-events}. */
    public static final String EVENT = "EVENT";
    /** An officer's action, with its reason. */
    public static final String ACTION = "ACTION";

    @Id
    public long seq;

    public Instant at;
    public UUID ticketId;
    public String kind;
    public String name;
    public String actor;

    /** Canonical JSON: ids, statuses, dates, codes; no personal data. */
    public String content;

    /** The reason, note or evidence, encrypted ({@code FieldCipher} format); may be null. */
    public String reasonEnc;

    public String prevHash;
    public String entryHash;

    public static List<AuditEntry> ofTicket(UUID ticketId) {
        return list("ticketId = ?1 order by seq", ticketId);
    }
}
