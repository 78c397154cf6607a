package dev.rightsdesk.intake.verification;

import dev.rightsdesk.intake.SubjectSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * Issues and checks e-mail one-time codes: drawn from a CSPRNG, valid for a limited time, single use,
 * bound to one ticket and purpose, dead after a few wrong entries. Only a keyed hash is stored.
 * Checking never throws for a wrong code, so the counted attempt is committed with the answer.
 */
@ApplicationScoped
@Transactional
public class VerificationService {

    private static final String HASH_DOMAIN = "verification-code";

    private final VerificationConfig config;
    private final SubjectSecrets secrets;

    public VerificationService(VerificationConfig config, SubjectSecrets secrets) {
        this.config = config;
        this.secrets = secrets;
        if (config.codeLength() < 6 || config.codeLength() > 12) {
            throw new IllegalStateException("rightsdesk.verification.code-length must be between 6 and 12");
        }
        if (config.maxAttempts() < 1) {
            throw new IllegalStateException("rightsdesk.verification.max-attempts must be at least 1");
        }
    }

    /** A new code for the ticket and purpose; every earlier open code of that pair stops working. Returns the plaintext. */
    public String issue(UUID ticketId, CodePurpose purpose) {
        Instant now = Instant.now();
        VerificationCode.revokeOpen(ticketId, purpose, now);
        return create(ticketId, purpose, now);
    }

    /** The first code of a ticket created in this very transaction: there is no earlier code to revoke. */
    public String issueFirst(UUID ticketId, CodePurpose purpose) {
        return create(ticketId, purpose, Instant.now());
    }

    private String create(UUID ticketId, CodePurpose purpose, Instant now) {
        String code = secrets.newCode(config.codeLength());
        VerificationCode row = new VerificationCode();
        row.id = UUID.randomUUID();
        row.ticketId = ticketId;
        row.purpose = purpose;
        row.codeHash = hash(row.id, ticketId, purpose, code);
        row.createdAt = now;
        row.expiresAt = now.plus(config.codeValidity());
        row.persist();
        return code;
    }

    /** Checks an entered code against the code in force; a correct one is spent, a wrong one counted. */
    public CodeCheck check(UUID ticketId, CodePurpose purpose, String entered) {
        var current = VerificationCode.currentForUpdate(ticketId, purpose);
        if (current.isEmpty()) {
            return new CodeCheck(CodeCheck.Outcome.NONE, 0);
        }
        VerificationCode code = current.get();
        Instant now = Instant.now();
        if (code.failedAttempts >= config.maxAttempts()) {
            return new CodeCheck(CodeCheck.Outcome.EXHAUSTED, 0);
        }
        if (!now.isBefore(code.expiresAt)) {
            return new CodeCheck(CodeCheck.Outcome.EXPIRED, 0);
        }
        String normalised = entered == null ? "" : entered.replaceAll("[\\s-]", "");
        // Compare hashes in constant time; the format check only avoids hashing junk and is not secret.
        boolean wellFormed = normalised.matches("^[0-9]{" + config.codeLength() + "}$");
        if (wellFormed && SubjectSecrets.same(code.codeHash, hash(code.id, ticketId, purpose, normalised))) {
            code.usedAt = now;
            return new CodeCheck(CodeCheck.Outcome.ACCEPTED, 0);
        }
        code.failedAttempts++;
        int left = Math.max(0, config.maxAttempts() - code.failedAttempts);
        return new CodeCheck(left == 0 ? CodeCheck.Outcome.EXHAUSTED : CodeCheck.Outcome.WRONG, left);
    }

    /** Forgets every code of a ticket (purge of an expired request). */
    public void forget(UUID ticketId) {
        VerificationCode.delete("ticketId", ticketId);
    }

    private String hash(UUID codeId, UUID ticketId, CodePurpose purpose, String code) {
        return secrets.keyedHash(HASH_DOMAIN, codeId + "|" + ticketId + "|" + purpose + "|" + code);
    }
}
