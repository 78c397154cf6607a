package dev.rightsdesk.ticket;

import dev.rightsdesk.platform.crypto.EncryptedStringConverter;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * One data-subject request. Identity, details and reasons are encrypted at rest; the id is a random
 * UUID (never a sequence), so it can stand in a subject's status link without revealing volume.
 */
@Entity
@Table(name = "ticket")
public class Ticket extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public RequestType type;

    @Enumerated(EnumType.STRING)
    public TicketStatus status;

    /** How the request arrived: WEB (form or API) or, registered by an officer, EMAIL, POST, PHONE, OTHER. */
    public String channel = "WEB";

    public String locale = "en";

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "subject_email_enc")
    public String subjectEmail;

    @Column(name = "subject_email_hash")
    public String subjectEmailHash;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "subject_name_enc")
    public String subjectName;

    /** JSON object of further identifiers (customerId, ...), encrypted. */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "subject_identifiers_enc")
    public String subjectIdentifiersJson;

    /** JSON of the type-specific details (corrections, ground, basis and purposes), encrypted. */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "details_enc")
    public String detailsJson;

    /** The instant the intake accepted the request (UTC); the statutory clock runs from here (D1). */
    public Instant receivedAt;
    public LocalDate receivedOn;
    public String memberState;
    public String zone;
    public LocalDate nominalDue;
    @Column(name = "due_date")
    public LocalDate dueDate;
    public LocalDate extendedNominalDue;
    public LocalDate extendedDue;
    public boolean extended;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "extension_reason_enc")
    public String extensionReason;

    public Instant extendedAt;

    /** The due date in force: {@link #dueDate}, or {@link #extendedDue} once extended. Indexed for the queue. */
    public LocalDate effectiveDue;

    public Instant verifiedAt;

    /**
     * The types of the identifiers the subject typed ({@code customerId}) that an officer checked and marked verified,
     * comma-separated; null when none. The e-mail is verified with the ticket ({@link #verifiedAt}). Connected systems
     * may look a subject up by verified identifiers only (Art. 12(6)); the values stay in the identifiers column.
     */
    @Column(name = "verified_identifier_types")
    public String verifiedIdentifierTypes;
    public String idempotencyKey;
    public String requestFingerprint;
    public String statusTokenHash;
    public String assignee;

    /** Something needs an officer's eye: a failed or escalated task, a poison result, a deadline warning. */
    public boolean flagged;

    public Instant createdAt;
    public Instant updatedAt;

    @Version
    public long version;

    public static Optional<Ticket> findByIdempotencyKey(String key) {
        return find("idempotencyKey", key).firstResultOptional();
    }

    /** The identifier types an officer marked verified, in the order they were marked. */
    public java.util.List<String> verifiedIdentifiers() {
        return verifiedIdentifierTypes == null || verifiedIdentifierTypes.isBlank() ? java.util.List.of()
                : java.util.List.of(verifiedIdentifierTypes.split(","));
    }

    /** Marks an identifier type verified; false when it already was. */
    public boolean markIdentifierVerified(String type) {
        if (verifiedIdentifiers().contains(type)) {
            return false;
        }
        verifiedIdentifierTypes = verifiedIdentifierTypes == null || verifiedIdentifierTypes.isBlank() ? type
                : verifiedIdentifierTypes + "," + type;
        return true;
    }

    public boolean isVerified() {
        return verifiedAt != null;
    }
}
