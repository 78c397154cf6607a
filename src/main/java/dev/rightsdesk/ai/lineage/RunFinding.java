package dev.rightsdesk.ai.lineage;

/** What checking a training run's applied exclusion snapshot found. */
public enum RunFinding {
    /** The run applied the snapshot in force at its start, or a later one, with the right digest. */
    COMPLIANT(true),
    /** The run applied an older snapshot that lacks exclusions recorded before it started. */
    STALE_SNAPSHOT(false),
    /** The START event carried no {@code dsrExclusionSnapshot} facet: nothing proves any exclusion was applied. */
    NO_FACET(false),
    /** The facet is there but not {@code {version: integer, digest: 64 hex}}. */
    INVALID_FACET(false),
    /** The facet names a snapshot version Rightsdesk never issued. */
    UNKNOWN_VERSION(false),
    /** The digest is not that version's digest: the run applied some other list. */
    DIGEST_MISMATCH(false);

    private final boolean compliant;

    RunFinding(boolean compliant) {
        this.compliant = compliant;
    }

    public boolean compliant() {
        return compliant;
    }

    /** Whether the facet identifies a snapshot whose content is known, so its entries count as applied. */
    public boolean appliedKnown() {
        return this == COMPLIANT || this == STALE_SNAPSHOT;
    }
}
