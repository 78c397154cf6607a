package dev.rightsdesk.ai.exclusion;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Raises the snapshot version of the exclusion list and seals each version with its digest. The
 * counter is one row updated with {@code UPDATE ... RETURNING}: a second changing transaction waits on
 * its row lock until the first commits, so versions commit in order and each digest sees every earlier one.
 */
@ApplicationScoped
public class SnapshotVersions {

    /** SHA-256 over the sorted distinct hashes active at :v, each followed by '\n' (docs/ai-rights.md). */
    private static final String DIGEST_SQL = """
            SELECT encode(sha256(convert_to(coalesce(string_agg(h || E'\\n', '' ORDER BY h COLLATE "C"), ''), 'UTF8')), 'hex'),
                   count(*)
            FROM (SELECT DISTINCT subject_hash AS h FROM training_exclusion
                  WHERE added_version <= ?1 AND (lifted_version IS NULL OR lifted_version > ?1)) active
            """;

    private final EntityManager em;

    public SnapshotVersions(EntityManager em) {
        this.em = em;
    }

    /** A raised, not yet sealed version and the instant it stands for. */
    public record Raised(long version, Instant at) {
    }

    /** Takes the next version; holds the counter's row lock until the caller's transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Raised raise() {
        Number version = (Number) em.createNativeQuery(
                "UPDATE exclusion_snapshot_counter SET version = version + 1 WHERE id = 1 RETURNING version")
                .getSingleResult();
        // taken after the lock: a later version never carries an earlier instant
        return new Raised(version.longValue(), Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    /** Computes the digest of the list at {@code raised} (after the caller's changes) and stores it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ExclusionSnapshot seal(Raised raised) {
        em.flush();
        Object[] row = (Object[]) em.createNativeQuery(DIGEST_SQL).setParameter(1, raised.version()).getSingleResult();
        ExclusionSnapshot snapshot = new ExclusionSnapshot();
        snapshot.version = raised.version();
        snapshot.digest = (String) row[0];
        snapshot.entryCount = ((Number) row[1]).longValue();
        snapshot.createdAt = raised.at();
        snapshot.persist();
        return snapshot;
    }
}
