package dev.rightsdesk.ai.remediation;

import dev.rightsdesk.ai.exclusion.ExclusionSnapshot;
import dev.rightsdesk.ai.exclusion.TrainingExclusion;
import dev.rightsdesk.platform.error.ProblemException;
import dev.rightsdesk.platform.error.ProblemException.FieldViolation;

/**
 * The evidence each remediation step requires: a step is only recorded when what backs it is there (400) and,
 * for a retraining, names a snapshot that already excluded the subject (422).
 */
final class EvidenceCheck {

    private EvidenceCheck() {
    }

    static void check(ModelRemediation r, RemediationState state, RemediationEvidence e) {
        switch (state) {
            case RETRAIN_SCHEDULED -> require(e.expectedBy() != null, "expectedBy", "is required for RETRAIN_SCHEDULED");
            case RETRAINED -> {
                require(notBlank(e.newModelVersion()), "newModelVersion", "is required for RETRAINED");
                require(e.exclusionSnapshotVersion() != null, "exclusionSnapshotVersion",
                        "is required for RETRAINED: the exclusion snapshot the retraining applied");
                checkSnapshot(r, e);
            }
            case UNLEARNED -> {
                require(notBlank(e.newModelVersion()), "newModelVersion", "is required for UNLEARNED");
                require(notBlank(e.assessment()), "assessment", "is required for UNLEARNED: how the subject's influence was removed");
            }
            case ANONYMITY_ASSESSED -> require(notBlank(e.assessment()) || notBlank(e.reference()), "assessment",
                    "is required for ANONYMITY_ASSESSED (EDPB Opinion 28/2024), as text or as a reference");
            default -> {
            }
        }
    }

    /** The retraining's snapshot must exist, match its digest if given, and already hold the ticket's exclusion. */
    private static void checkSnapshot(ModelRemediation r, RemediationEvidence e) {
        ExclusionSnapshot snapshot = ExclusionSnapshot.at(e.exclusionSnapshotVersion()).orElseThrow(() -> ProblemException.refused(
                "unknown-snapshot-version", "Unknown snapshot version", "No exclusion snapshot has this version",
                new FieldViolation("evidence.exclusionSnapshotVersion", "is not a known snapshot version")));
        if (e.exclusionSnapshotDigest() != null && !snapshot.digest.equals(e.exclusionSnapshotDigest())) {
            throw ProblemException.refused("snapshot-digest-mismatch", "Digest does not match",
                    "The digest is not the digest of that snapshot version",
                    new FieldViolation("evidence.exclusionSnapshotDigest", "does not match the snapshot version"));
        }
        long addedAt = TrainingExclusion.<TrainingExclusion>list("ticketId", r.ticketId).stream()
                .mapToLong(x -> x.addedVersion).min().orElse(0);
        if (snapshot.version < addedAt) {
            throw ProblemException.refused("retrain-missed-exclusion", "Retraining did not exclude the subject",
                    "The retraining applied a snapshot older than the one that excluded this subject",
                    new FieldViolation("evidence.exclusionSnapshotVersion", "must be " + addedAt + " or later"));
        }
    }

    private static void require(boolean ok, String field, String message) {
        if (!ok) {
            throw ProblemException.invalid("The evidence does not back this step", new FieldViolation("evidence." + field, message));
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
