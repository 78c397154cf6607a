package dev.rightsdesk.ai.exclusion;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One subject identifier of one ticket on the training-exclusion list, by its HMAC only. Active from
 * {@link #addedVersion} until {@link #liftedVersion} (exclusive), if it is ever lifted.
 */
@Entity
@Table(name = "training_exclusion")
public class TrainingExclusion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Lower-case hex HMAC-SHA256 of {@code "<identifierType>:<normalised value>"}. */
    public String subjectHash;

    /** {@code email}, or the identifier name declared in the request ({@code customerId}, ...). */
    public String identifierType;

    @Enumerated(EnumType.STRING)
    public ExclusionReason reason;

    /** When the exclusion took effect (the ticket's verification). */
    public Instant since;

    public UUID ticketId;

    /** The snapshot version that added this entry. */
    public long addedVersion;

    public Instant liftedAt;

    /** The snapshot version that lifted it; null while active. */
    public Long liftedVersion;

    /** Who lifted it (the officer recording compelling grounds). */
    public String liftedBy;

    public boolean isActive() {
        return liftedVersion == null;
    }

    /** Whether this entry was on the list at snapshot {@code version}. */
    public boolean activeAt(long version) {
        return addedVersion <= version && (liftedVersion == null || liftedVersion > version);
    }

    public static List<TrainingExclusion> forTicket(UUID ticketId) {
        return list("ticketId = ?1 order by id", ticketId);
    }

    /** Active entries of {@code hash}, oldest first. */
    public static List<TrainingExclusion> activeFor(String hash) {
        return list("subjectHash = ?1 and liftedVersion is null order by since, id", hash);
    }
}
