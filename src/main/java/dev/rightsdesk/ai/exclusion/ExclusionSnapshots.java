package dev.rightsdesk.ai.exclusion;

import dev.rightsdesk.platform.error.ProblemException;
import dev.rightsdesk.platform.error.ProblemException.FieldViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the exclusion list at a snapshot version: the current or a historic version's digest, and which
 * of a batch of hashes were excluded. Reads never lock; every answer is pinned to one version.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ExclusionSnapshots {

    /** Hashes per SQL statement; keeps bind parameters well under PostgreSQL's limit. */
    private static final int CHUNK = 1000;
    private static final int MAX_REPORTED_VIOLATIONS = 20;

    private final EntityManager em;
    private final ExclusionConfig config;

    public ExclusionSnapshots(EntityManager em, ExclusionConfig config) {
        this.em = em;
        this.config = config;
    }

    /** A snapshot version: its digest, how many hashes it holds and when it was generated. */
    public record SnapshotView(long version, String digest, long count, Instant generatedAt) {
        static SnapshotView of(ExclusionSnapshot s) {
            return new SnapshotView(s.version, s.digest, s.entryCount, s.createdAt);
        }
    }

    /** Which of the checked hashes were on the list at {@code snapshotVersion}. */
    public record CheckResult(long snapshotVersion, String digest, int checked, List<String> excluded) {
    }

    public SnapshotView current() {
        return SnapshotView.of(ExclusionSnapshot.current());
    }

    public Optional<SnapshotView> at(long version) {
        return ExclusionSnapshot.at(version).map(SnapshotView::of);
    }

    /** The version in force at {@code instant}: the last one raised at or before it. */
    public SnapshotView currentAt(Instant instant) {
        return SnapshotView.of(ExclusionSnapshot.currentAt(instant));
    }

    /**
     * Checks a batch of hashes (64 hex digits; case-insensitive, answered in lower case) against the list
     * at {@code snapshotVersion}, or at the current version when null.
     */
    public CheckResult check(List<String> hashes, Long snapshotVersion) {
        Set<String> wanted = validate(hashes);
        ExclusionSnapshot snapshot;
        if (snapshotVersion == null) {
            snapshot = ExclusionSnapshot.current();
        } else {
            snapshot = ExclusionSnapshot.at(snapshotVersion).orElseThrow(() -> ProblemException.refused(
                    "unknown-snapshot-version", "Unknown snapshot version",
                    "No exclusion snapshot has this version; GET /api/v1/training-exclusions/snapshot names the current one",
                    new FieldViolation("snapshotVersion", "is not a known snapshot version")));
        }
        Set<String> excluded = new TreeSet<>();
        List<String> all = new ArrayList<>(wanted);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            excluded.addAll(em.createQuery("""
                            select distinct e.subjectHash from TrainingExclusion e
                            where e.subjectHash in :hashes and e.addedVersion <= :v
                              and (e.liftedVersion is null or e.liftedVersion > :v)""", String.class)
                    .setParameter("hashes", chunk)
                    .setParameter("v", snapshot.version)
                    .getResultList());
        }
        return new CheckResult(snapshot.version, snapshot.digest, wanted.size(), List.copyOf(excluded));
    }

    private Set<String> validate(List<String> hashes) {
        if (hashes == null || hashes.isEmpty()) {
            throw ProblemException.invalid("Name at least one hash", new FieldViolation("hashes", "must hold at least one hash"));
        }
        if (hashes.size() > config.maxCheckBatch()) {
            throw ProblemException.invalid("Too many hashes in one check",
                    new FieldViolation("hashes", "must hold at most " + config.maxCheckBatch() + " hashes"));
        }
        Set<String> wanted = new LinkedHashSet<>();
        List<FieldViolation> errors = new ArrayList<>();
        for (int i = 0; i < hashes.size(); i++) {
            String h = hashes.get(i) == null ? "" : hashes.get(i).toLowerCase(Locale.ROOT);
            if (!SubjectHasher.HASH.matcher(h).matches()) {
                if (errors.size() < MAX_REPORTED_VIOLATIONS) {
                    errors.add(new FieldViolation("hashes[" + i + "]", "must be 64 hexadecimal digits (HMAC-SHA256)"));
                }
            } else {
                wanted.add(h);
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "invalid-request", "The request is not valid",
                    "Every hash must be an HMAC-SHA256 in hexadecimal", errors);
        }
        return wanted;
    }
}
