package dev.rightsdesk.intake.verification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One e-mail one-time code, stored as a keyed hash only; bound to its ticket and purpose. */
@Entity
@Table(name = "verification_code")
public class VerificationCode extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID ticketId;

    @Enumerated(EnumType.STRING)
    public CodePurpose purpose;

    public String codeHash;
    public Instant createdAt;
    public Instant expiresAt;
    public int failedAttempts;
    public Instant usedAt;
    /** Set when a newer code replaced this one: only the latest code of a (ticket, purpose) counts. */
    public Instant revokedAt;

    /** The code in force for the ticket and purpose, locked so concurrent tries count one by one. */
    static Optional<VerificationCode> currentForUpdate(UUID ticketId, CodePurpose purpose) {
        return find("ticketId = ?1 and purpose = ?2 and revokedAt is null and usedAt is null order by createdAt desc",
                ticketId, purpose).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    static long revokeOpen(UUID ticketId, CodePurpose purpose, Instant at) {
        return update("revokedAt = ?1 where ticketId = ?2 and purpose = ?3 and revokedAt is null and usedAt is null",
                at, ticketId, purpose);
    }
}
