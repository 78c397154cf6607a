package dev.rightsdesk.ai.exclusion;

import dev.rightsdesk.platform.crypto.EncryptedStringConverter;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** An officer's decision on an Art. 21(1) objection; the reasons are encrypted (they may name the subject). */
@Entity
@Table(name = "objection_decision")
public class ObjectionDecision extends PanacheEntityBase {

    @Id
    public UUID ticketId;

    /** True: compelling legitimate grounds override the objection (entries lifted). False: upheld. */
    public boolean compellingGrounds;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "reasons_enc")
    public String reasons;

    public String actor;
    public Instant decidedAt;

    /** How many exclusion entries the decision lifted. */
    public int liftedEntries;

    /** The snapshot version that lifted them; null when nothing was lifted. */
    public Long snapshotVersion;

    public static Optional<ObjectionDecision> forTicket(UUID ticketId) {
        return findByIdOptional(ticketId);
    }
}
